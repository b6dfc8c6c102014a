package org.tandem.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignerTest {

    /** A small random instance: 2 groups, a few proposals and reviewers, random candidates and conflicts. */
    static AssignmentProblem random(Random rnd, boolean minLoads) {
        int proposals = 2 + rnd.nextInt(3);
        int reviewers = 3 + rnd.nextInt(3);
        List<Reviewer> rs = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            int max = 1 + rnd.nextInt(2);
            rs.add(new Reviewer("r" + r, r % 2 == 0 ? "VN" : "RU", max, minLoads && rnd.nextInt(3) == 0 ? 1 : 0));
        }
        List<Demand> ds = new ArrayList<>();
        List<Candidate> cs = new ArrayList<>();
        Set<AssignmentProblem.Pair> conflicts = new HashSet<>();
        for (int p = 0; p < proposals; p++) {
            ds.add(new Demand("p" + p, "VN", 1 + rnd.nextInt(2)));
            ds.add(new Demand("p" + p, "RU", rnd.nextInt(2)));
            for (int r = 0; r < reviewers; r++) {
                if (rnd.nextDouble() < 0.7) {
                    double s = Math.round(rnd.nextDouble() * 100) / 100.0;
                    cs.add(new Candidate("p" + p, "r" + r, s, String.valueOf(s)));
                    if (rnd.nextDouble() < 0.15) {
                        conflicts.add(new AssignmentProblem.Pair("p" + p, "r" + r));
                    }
                }
            }
        }
        return new AssignmentProblem(rs, ds, cs, conflicts);
    }

    /** Every feasible assignment, by enumeration of subsets of the usable pairs. */
    record Option(int count, double total, double min, int minLoadShortfall) {
    }

    static List<Option> enumerate(AssignmentProblem p) {
        Map<String, Reviewer> byId = new HashMap<>();
        p.reviewers().forEach(r -> byId.put(r.id(), r));
        Map<String, Integer> required = new HashMap<>();
        p.demands().forEach(d -> required.put(d.proposalId() + "/" + d.group(), d.required()));
        List<Candidate> usable = p.candidates().stream()
                .filter(c -> required.containsKey(c.proposalId() + "/" + byId.get(c.reviewerId()).group()))
                .filter(c -> !p.conflicts().contains(new AssignmentProblem.Pair(c.proposalId(), c.reviewerId())))
                .toList();
        List<Option> options = new ArrayList<>();
        for (long mask = 0; mask < (1L << usable.size()); mask++) {
            Map<String, Integer> perDemand = new HashMap<>();
            Map<String, Integer> load = new HashMap<>();
            Map<String, Double> sum = new HashMap<>();
            p.demands().forEach(d -> sum.put(d.proposalId(), 0d));
            boolean ok = true;
            int count = 0;
            double total = 0;
            for (int i = 0; i < usable.size() && ok; i++) {
                if ((mask & (1L << i)) == 0) {
                    continue;
                }
                Candidate c = usable.get(i);
                Reviewer r = byId.get(c.reviewerId());
                String key = c.proposalId() + "/" + r.group();
                int n = perDemand.merge(key, 1, Integer::sum);
                int l = load.merge(r.id(), 1, Integer::sum);
                ok = n <= required.get(key) && l <= r.maxLoad();
                count++;
                total += c.score();
                sum.merge(c.proposalId(), c.score(), Double::sum);
            }
            if (ok) {
                int shortfall = 0;
                for (Reviewer r : p.reviewers()) {
                    shortfall += Math.max(0, Math.min(r.minLoad(), r.maxLoad()) - load.getOrDefault(r.id(), 0));
                }
                options.add(new Option(count, total, sum.values().stream().mapToDouble(d -> d).min().orElse(0),
                        shortfall));
            }
        }
        return options;
    }

    @Test
    void totalEqualsBruteForceAndRespectsEveryConstraint() {
        Random rnd = new Random(7);
        for (int t = 0; t < 150; t++) {
            AssignmentProblem p = random(rnd, t % 3 == 0);
            AssignmentResult r = Assigner.assign(p, Assigner.Objective.TOTAL, 10);
            checkFeasible(p, r);
            List<Option> all = enumerate(p);
            int bestCount = all.stream().mapToInt(Option::count).max().orElse(0);
            int bestShortfall = all.stream().filter(o -> o.count() == bestCount).mapToInt(Option::minLoadShortfall)
                    .min().orElse(0);
            double bestTotal = all.stream().filter(o -> o.count() == bestCount && o.minLoadShortfall() == bestShortfall)
                    .mapToDouble(Option::total).max().orElse(0);
            assertThat(r.assigned()).as("instance %d", t).hasSize(bestCount);
            assertThat(r.totalAffinity()).as("instance %d", t).isCloseTo(bestTotal, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void fairMaximisesTheSmallestProposalSumThenTheTotal() {
        Random rnd = new Random(11);
        for (int t = 0; t < 60; t++) {
            AssignmentProblem p = random(rnd, false);
            AssignmentResult r = Assigner.assign(p, Assigner.Objective.FAIR, 10);
            checkFeasible(p, r);
            List<Option> all = enumerate(p);
            int bestCount = all.stream().mapToInt(Option::count).max().orElse(0);
            double bestMin = all.stream().filter(o -> o.count() == bestCount).mapToDouble(Option::min).max().orElse(0);
            double bestTotal = all.stream().filter(o -> o.count() == bestCount && Math.abs(o.min() - bestMin) < 1e-9)
                    .mapToDouble(Option::total).max().orElse(0);
            assertThat(r.assigned()).as("instance %d", t).hasSize(bestCount);
            assertThat(r.minProposalAffinity()).as("instance %d", t).isCloseTo(bestMin, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(r.totalAffinity()).as("instance %d", t).isCloseTo(bestTotal, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(r.optimal()).isTrue();
        }
    }

    static void checkFeasible(AssignmentProblem p, AssignmentResult r) {
        Map<String, Reviewer> byId = new HashMap<>();
        p.reviewers().forEach(x -> byId.put(x.id(), x));
        Map<String, Integer> load = new HashMap<>();
        Map<String, Integer> perDemand = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        p.candidates().forEach(c -> candidates.add(c.proposalId() + "," + c.reviewerId()));
        for (Candidate c : r.assigned()) {
            assertThat(p.conflicts()).doesNotContain(new AssignmentProblem.Pair(c.proposalId(), c.reviewerId()));
            assertThat(candidates).contains(c.proposalId() + "," + c.reviewerId());
            assertThat(pairs.add(c.proposalId() + "," + c.reviewerId())).isTrue();
            Reviewer rv = byId.get(c.reviewerId());
            assertThat(load.merge(rv.id(), 1, Integer::sum)).isLessThanOrEqualTo(rv.maxLoad());
            perDemand.merge(c.proposalId() + "/" + rv.group(), 1, Integer::sum);
        }
        for (Demand d : p.demands()) {
            int got = perDemand.getOrDefault(d.proposalId() + "/" + d.group(), 0);
            assertThat(got).isLessThanOrEqualTo(d.required());
            int missing = d.required() - got;
            assertThat(r.unmet().stream().filter(u -> u.proposalId().equals(d.proposalId()) && u.group().equals(d.group()))
                    .mapToInt(UnmetDemand::missing).sum()).isEqualTo(missing);
        }
    }

    @Test
    void unmetDemandsAreNamedWithTheirReason() {
        List<Reviewer> rs = List.of(new Reviewer("a", "VN", 1, 0), new Reviewer("b", "RU", 5, 0));
        List<Demand> ds = List.of(new Demand("p1", "VN", 1), new Demand("p2", "VN", 1), new Demand("p1", "RU", 1),
                new Demand("p2", "RU", 2));
        List<Candidate> cs = List.of(new Candidate("p1", "a", 0.9, "0.9"), new Candidate("p2", "a", 0.8, "0.8"),
                new Candidate("p1", "b", 0.5, "0.5"), new Candidate("p2", "b", 0.4, "0.4"));
        AssignmentResult r = Assigner.assign(new AssignmentProblem(rs, ds, cs,
                Set.of(new AssignmentProblem.Pair("p1", "b"))), Assigner.Objective.TOTAL, 10);
        assertThat(r.unmet()).containsExactlyInAnyOrder(
                new UnmetDemand("p2", "VN", 1, UnmetDemand.Reason.CAPACITY_EXHAUSTED),
                new UnmetDemand("p1", "RU", 1, UnmetDemand.Reason.ALL_CONFLICTED),
                new UnmetDemand("p2", "RU", 1, UnmetDemand.Reason.NO_CANDIDATES_LEFT));
    }
}
