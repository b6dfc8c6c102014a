package org.tandem.programme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeRepository extends JpaRepository<Programme, Long> {
    Optional<Programme> findByCode(String code);

    List<Programme> findAllByOrderByFirstYearAscIdAsc();
}

interface AnnualPlanRepository extends JpaRepository<AnnualPlan, Long> {
    List<AnnualPlan> findByProgrammeIdOrderByYear(long programmeId);

    Optional<AnnualPlan> findByProgrammeIdAndYear(long programmeId, int year);
}

interface CallRepository extends JpaRepository<Call, Long> {
    List<Call> findByProgrammeIdOrderByOpensAtDesc(long programmeId);

    List<Call> findByPhaseNotOrderByClosesAt(CallPhase phase);

    List<Call> findAllByOrderByOpensAtDesc();
}

interface FosFieldRepository extends JpaRepository<FosField, String> {
    List<FosField> findAllByOrderByCode();
}
