package org.tandem.project;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;
import org.tandem.programme.Programmes;

/**
 * Each party's contract with its own team (DOMAIN §2: the agency contracts its host
 * organisation, not the foreign one). The project starts when every party has signed; payments
 * are recorded against the contract's yearly tranches, in the party's currency.
 */
@Service
public class Contracts {

    public static final String AUDIT_TYPE = "ProjectContract";

    public record TrancheInput(Integer year, LocalDate dueOn, BigDecimal amount) {
    }

    public record ContractInput(String number, LocalDate signedOn, String hostOrganisation, String piName,
                                LocalDate startDate, LocalDate endDate, List<TrancheInput> tranches) {
    }

    public record Tranche(long id, int year, LocalDate dueOn, BigDecimal amount, BigDecimal paid) {
        public BigDecimal remaining() {
            return amount.subtract(paid);
        }
    }

    public record Payment(long id, long trancheId, int year, LocalDate paidOn, BigDecimal amount, String reference,
                          String recordedBy) {
    }

    public record Contract(long projectId, long partyId, String partyCode, String number, LocalDate signedOn,
                           String hostOrganisation, String piName, LocalDate startDate, LocalDate endDate,
                           String currency, List<Tranche> tranches, String recordedBy) {
        public BigDecimal total() {
            return tranches.stream().map(Tranche::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal paid() {
            return tranches.stream().map(Tranche::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Programmes programmes;
    private final AuditTrail audit;
    private final Clock clock;

    Contracts(JdbcClient jdbc, Projects projects, Programmes programmes, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records (or, before the project started, corrects) a party's signed contract. When it is
     * the last party's, the project starts: its period runs from the earliest contract start to
     * the latest end.
     */
    @Transactional
    public Contract sign(long projectId, String partyCode, ContractInput in, TandemUser user) {
        lock(projectId);
        Project project = projects.get(projectId);
        Project.Part part = project.partByCode(partyCode).orElseThrow(() -> new NotFoundException("party " + partyCode));
        if (!projects.isOfficerOf(project, part.partyId(), user)) {
            throw new NotAllowedException("only the party's officers sign its contract");
        }
        String state = ProjectWorkflow.PROJECT.require(project.status(), "sign");
        check(in, programmes.get(project.programmeId()).party(part.partyId()).orElseThrow().zone());
        Optional<Contract> before = contract(projectId, part.partyId());
        jdbc.sql("delete from project_tranche where project_id = ? and party_id = ?").params(projectId, part.partyId()).update();
        jdbc.sql("""
                insert into project_contract (project_id, party_id, number, signed_on, host_organisation, pi_name,
                    start_date, end_date, currency, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (project_id, party_id) do update set number = excluded.number, signed_on = excluded.signed_on,
                    host_organisation = excluded.host_organisation, pi_name = excluded.pi_name,
                    start_date = excluded.start_date, end_date = excluded.end_date,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .params(projectId, part.partyId(), in.number().strip(), in.signedOn(), in.hostOrganisation().strip(),
                        in.piName().strip(), in.startDate(), in.endDate(), part.currency(), user.getUsername(),
                        Timestamp.from(clock.instant()))
                .update();
        for (TrancheInput t : in.tranches()) {
            jdbc.sql("insert into project_tranche (project_id, party_id, year, due_on, amount) values (?, ?, ?, ?, ?)")
                    .params(projectId, part.partyId(), t.year(), t.dueOn(), t.amount()).update();
        }
        Contract after = contract(projectId, part.partyId()).orElseThrow();
        audit.record(user.getUsername(), AUDIT_TYPE, projectId + "/" + partyCode, before.isPresent() ? "correct" : "sign",
                before.map(Contracts::state).orElse(null), state(after));
        setStatus(projectId, state);
        List<Contract> all = contracts(projectId);
        if (all.size() == project.parties().size()) {
            String running = ProjectWorkflow.PROJECT.require(state, "start");
            LocalDate start = all.stream().map(Contract::startDate).min(LocalDate::compareTo).orElseThrow();
            LocalDate end = all.stream().map(Contract::endDate).max(LocalDate::compareTo).orElseThrow();
            jdbc.sql("update project set status = ?, start_date = ?, end_date = ?, updated_at = ? where id = ?")
                    .params(running, start, end, Timestamp.from(clock.instant()), projectId).update();
            audit.record("system", Projects.AUDIT_TYPE, projectId, "start", Map.of("status", state),
                    Map.of("status", running, "startDate", start.toString(), "endDate", end.toString()));
        }
        return after;
    }

    private void check(ContractInput in, java.time.ZoneId zone) {
        Problems problems = new Problems();
        problems.require(in.number() != null && !in.number().isBlank() && in.number().strip().length() <= 50, "number",
                "project.contract.number");
        problems.require(in.signedOn() != null && !in.signedOn().isAfter(LocalDate.now(clock.withZone(zone))), "signedOn",
                "project.contract.signedOn");
        problems.require(in.hostOrganisation() != null && !in.hostOrganisation().isBlank(), "hostOrganisation",
                "project.contract.host");
        problems.require(in.piName() != null && !in.piName().isBlank(), "piName", "project.contract.pi");
        boolean period = in.startDate() != null && in.endDate() != null && in.endDate().isAfter(in.startDate());
        problems.require(period, "endDate", "project.contract.period");
        List<TrancheInput> tranches = in.tranches() == null ? List.of() : in.tranches();
        problems.require(!tranches.isEmpty(), "tranches", "project.contract.tranches.required");
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < tranches.size(); i++) {
            TrancheInput t = tranches.get(i);
            boolean inPeriod = t.year() != null && (!period || t.year() >= in.startDate().getYear()
                    && t.year() <= in.endDate().getYear());
            if (!inPeriod) {
                problems.add("tranches[" + i + "].year", "project.contract.trancheYear", t.year() == null ? "" : t.year());
            } else if (!years.add(t.year())) {
                problems.add("tranches[" + i + "].year", "project.contract.trancheTwice", t.year());
            }
            problems.require(t.amount() != null && t.amount().signum() > 0 && t.amount().scale() <= 2,
                    "tranches[" + i + "].amount", "project.contract.trancheAmount");
        }
        problems.throwIfAny();
    }

    /** Records money paid to the party's team against one tranche of its contract. */
    @Transactional
    public Payment pay(long projectId, String partyCode, long trancheId, BigDecimal amount, LocalDate paidOn,
                       String reference, TandemUser user) {
        lock(projectId);
        Project project = projects.get(projectId);
        Project.Part part = project.partByCode(partyCode).orElseThrow(() -> new NotFoundException("party " + partyCode));
        if (!projects.isOfficerOf(project, part.partyId(), user)) {
            throw new NotAllowedException("only the party's officers record its payments");
        }
        ProjectWorkflow.PROJECT.require(project.status(), "pay");
        Tranche tranche = contract(projectId, part.partyId()).orElseThrow().tranches().stream()
                .filter(t -> t.id() == trancheId).findFirst()
                .orElseThrow(() -> InvalidInputException.of("trancheId", "project.payment.tranche"));
        Problems problems = new Problems();
        problems.require(amount != null && amount.signum() > 0 && amount.scale() <= 2, "amount", "project.payment.amount");
        problems.require(amount == null || amount.compareTo(tranche.remaining()) <= 0, "amount", "project.payment.exceeds",
                tranche.remaining().toPlainString(), part.currency());
        problems.require(paidOn != null, "paidOn", "project.payment.date");
        problems.require(reference == null || reference.strip().length() <= 100, "reference", "project.payment.reference");
        problems.throwIfAny();
        long id = jdbc.sql("""
                insert into project_payment (tranche_id, paid_on, amount, reference, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(trancheId, paidOn, amount, reference == null || reference.isBlank() ? null : reference.strip(),
                        user.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(user.getUsername(), AUDIT_TYPE, projectId + "/" + partyCode, "pay", null,
                Map.of("tranche", tranche.year(), "amount", amount.toPlainString(), "currency", part.currency(),
                        "paidOn", paidOn.toString()));
        return new Payment(id, trancheId, tranche.year(), paidOn, amount, reference, user.getUsername());
    }

    @Transactional(readOnly = true)
    public List<Contract> contracts(long projectId) {
        return jdbc.sql("select party_id from project_contract where project_id = ?").param(projectId).query(Long.class)
                .list().stream().map(party -> contract(projectId, party).orElseThrow())
                .sorted(java.util.Comparator.comparing(Contract::partyCode)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Contract> contract(long projectId, long partyId) {
        return jdbc.sql("""
                select c.*, pp.party_code from project_contract c
                join project_party pp on pp.project_id = c.project_id and pp.party_id = c.party_id
                where c.project_id = ? and c.party_id = ?""").params(projectId, partyId)
                .query((rs, i) -> new Contract(projectId, partyId, rs.getString("party_code"), rs.getString("number"),
                        rs.getObject("signed_on", LocalDate.class), rs.getString("host_organisation"), rs.getString("pi_name"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getString("currency"), tranches(projectId, partyId), rs.getString("recorded_by")))
                .optional();
    }

    private List<Tranche> tranches(long projectId, long partyId) {
        return jdbc.sql("""
                select t.id, t.year, t.due_on, t.amount, coalesce(sum(p.amount), 0) as paid from project_tranche t
                left join project_payment p on p.tranche_id = t.id
                where t.project_id = ? and t.party_id = ? group by t.id order by t.year""").params(projectId, partyId)
                .query((rs, i) -> new Tranche(rs.getLong("id"), rs.getInt("year"), rs.getObject("due_on", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("paid")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Payment> payments(long projectId, long partyId) {
        return jdbc.sql("""
                select p.*, t.year from project_payment p join project_tranche t on t.id = p.tranche_id
                where t.project_id = ? and t.party_id = ? order by p.paid_on, p.id""").params(projectId, partyId)
                .query((rs, i) -> new Payment(rs.getLong("id"), rs.getLong("tranche_id"), rs.getInt("year"),
                        rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("reference"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** Serialises changes of one project: two officers signing at once still start it exactly once. */
    void lock(long projectId) {
        if (jdbc.sql("select id from project where id = ? for update").param(projectId).query(Long.class).optional().isEmpty()) {
            throw new NotFoundException("project " + projectId);
        }
    }

    private void setStatus(long projectId, String status) {
        jdbc.sql("update project set status = ?, updated_at = ? where id = ?")
                .params(status, Timestamp.from(clock.instant()), projectId).update();
    }

    private static Map<String, Object> state(Contract c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.number());
        m.put("signedOn", c.signedOn().toString());
        m.put("hostOrganisation", c.hostOrganisation());
        m.put("piName", c.piName());
        m.put("period", c.startDate() + "/" + c.endDate());
        List<String> tranches = new ArrayList<>();
        c.tranches().forEach(t -> tranches.add(t.year() + ":" + t.amount().toPlainString() + " " + c.currency()));
        m.put("tranches", tranches);
        return m;
    }
}
