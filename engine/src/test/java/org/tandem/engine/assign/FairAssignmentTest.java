package org.tandem.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fair objective: exact on small instances, and its bound is a bound on every instance. */
class FairAssignmentTest {

    @Test
    void fairEqualsBruteForceMaxMinAndTheBoundIsValid() {
        Random rnd = new Random(23);
        for (int t = 0; t < 120; t++) {
            AssignmentProblem p = AssignerTest.random(rnd, t % 3 == 0);
            AssignmentResult fair = Assigner.assign(p, Assigner.Objective.FAIR, 10);
            AssignmentResult total = Assigner.assign(p, Assigner.Objective.TOTAL, 10);
            AssignerTest.checkFeasible(p, fair);
            List<AssignerTest.Option> all = AssignerTest.enumerate(p);
            int bestCount = all.stream().mapToInt(AssignerTest.Option::count).max().orElse(0);
            int bestShortfall = all.stream().filter(o -> o.count() == bestCount)
                    .mapToInt(AssignerTest.Option::minLoadShortfall).min().orElse(0);
            // Minimum loads are kept by fair exactly when the largest assignments can meet them.
            List<AssignerTest.Option> allowed = all.stream().filter(o -> o.count() == bestCount)
                    .filter(o -> bestShortfall > 0 || o.minLoadShortfall() == 0).toList();
            double bestMin = allowed.stream().mapToDouble(AssignerTest.Option::min).max().orElse(0);
            double bestTotal = allowed.stream().filter(o -> Math.abs(o.min() - bestMin) < 1e-9)
                    .mapToDouble(AssignerTest.Option::total).max().orElse(0);
            String ctx = "instance " + t;
            assertThat(fair.assigned()).as(ctx).hasSize(bestCount);
            assertThat(fair.minProposalAffinity()).as(ctx).isCloseTo(bestMin, offset(1e-6));
            assertThat(fair.totalAffinity()).as(ctx).isCloseTo(bestTotal, offset(1e-6));
            assertThat(fair.minBound()).as(ctx + " bound").isGreaterThanOrEqualTo(bestMin - 1e-9);
            assertThat(fair.minProposalAffinity()).as(ctx).isGreaterThanOrEqualTo(total.minProposalAffinity() - 1e-9);
            assertThat(fair.optimal()).as(ctx).isTrue();
            assertThat(total.minBound()).isNaN();
        }
    }

    /**
     * Two proposals, each needing one expert, both prefer x: an integer assignment gives one of them 0,
     * the LP splits x and y half and half, 0.5 each. On the large-instance path (no CP-SAT proof over all
     * arcs) the bound reported is that 0.5; on the exact path CP-SAT proves 0, and the bound is the optimum.
     */
    @Test
    void theBoundIsTheRelaxationsUnlessCpSatProvesTheOptimum() {
        List<Reviewer> rs = List.of(new Reviewer("x", "G", 1, 0), new Reviewer("y", "G", 1, 0));
        List<Demand> ds = List.of(new Demand("A", "G", 1), new Demand("B", "G", 1));
        List<Candidate> cs = List.of(new Candidate("A", "x", 1.0, "1.0"), new Candidate("A", "y", 0.0, "0.0"),
                new Candidate("B", "x", 1.0, "1.0"), new Candidate("B", "y", 0.0, "0.0"));
        AssignmentProblem p = new AssignmentProblem(rs, ds, cs, Set.of());
        AssignmentResult exact = Assigner.assign(p, Assigner.Objective.FAIR, 10);
        assertThat(exact.assigned()).hasSize(2);
        assertThat(exact.minProposalAffinity()).isCloseTo(0.0, offset(1e-9));
        assertThat(exact.totalAffinity()).isCloseTo(1.0, offset(1e-9));
        assertThat(exact.minBound()).isCloseTo(0.0, offset(1e-9));
        assertThat(exact.optimal()).isTrue();
        System.setProperty("tandem.fair.allArcsUpTo", "0");
        try {
            AssignmentResult relaxed = Assigner.assign(p, Assigner.Objective.FAIR, 10);
            assertThat(relaxed.minProposalAffinity()).isCloseTo(0.0, offset(1e-9));
            assertThat(relaxed.minBound()).isCloseTo(0.5, offset(1e-6));
            assertThat(relaxed.optimal()).isFalse();
        } finally {
            System.clearProperty("tandem.fair.allArcsUpTo");
        }
    }

    /** Where total sacrifices a proposal and fair does not: worked by hand. */
    @Test
    void fairRaisesTheWorstProposalAtASmallCostInTotal() {
        // A and B need one expert each. total: A-x 0.9 + B-y 0.2 = 1.1 beats A-y 0.5 + B-x 0.5 = 1.0.
        List<Reviewer> rs = List.of(new Reviewer("x", "G", 1, 0), new Reviewer("y", "G", 1, 0));
        List<Demand> ds = List.of(new Demand("A", "G", 1), new Demand("B", "G", 1));
        List<Candidate> cs = List.of(new Candidate("A", "x", 0.9, "0.9"), new Candidate("A", "y", 0.5, "0.5"),
                new Candidate("B", "x", 0.5, "0.5"), new Candidate("B", "y", 0.2, "0.2"));
        AssignmentProblem p = new AssignmentProblem(rs, ds, cs, Set.of());
        AssignmentResult total = Assigner.assign(p, Assigner.Objective.TOTAL, 10);
        AssignmentResult fair = Assigner.assign(p, Assigner.Objective.FAIR, 10);
        assertThat(total.minProposalAffinity()).isCloseTo(0.2, offset(1e-9));
        assertThat(fair.minProposalAffinity()).isCloseTo(0.5, offset(1e-9));
        assertThat(fair.totalAffinity()).isCloseTo(1.0, offset(1e-9));
        assertThat(fair.minBound()).isCloseTo(0.5, offset(1e-6)); // the LP cannot do better either: proven
        assertThat(fair.optimal()).isTrue();
    }

    /**
     * Conference-like instances too large for brute force, also through the large-instance path (CP-SAT on
     * the LP's working set only): feasible, never below total's minimum, total never above total's, and
     * the bound above the value and below every proposal's own best.
     */
    @Test
    void onConferenceLikeInstancesTheResultIsFeasibleAndBetweenTotalAndTheBound() {
        for (boolean workingSetOnly : new boolean[] {false, true}) {
            if (workingSetOnly) {
                System.setProperty("tandem.fair.allArcsUpTo", "10");
            }
            try {
                for (long seed = 1; seed <= 4; seed++) {
                    AssignmentProblem p = conference(new Random(seed), 30, 40, 3, 3);
                    AssignmentResult total = Assigner.assign(p, Assigner.Objective.TOTAL, 10);
                    AssignmentResult fair = Assigner.assign(p, Assigner.Objective.FAIR, 10);
                    String ctx = "seed " + seed + (workingSetOnly ? " (working set)" : "");
                    AssignerTest.checkFeasible(p, fair);
                    assertThat(fair.assigned()).as(ctx).hasSameSizeAs(total.assigned());
                    assertThat(fair.minProposalAffinity()).as(ctx).isGreaterThanOrEqualTo(total.minProposalAffinity() - 1e-9);
                    assertThat(fair.totalAffinity()).as(ctx).isLessThanOrEqualTo(total.totalAffinity() + 1e-9);
                    assertThat(fair.minBound()).as(ctx).isGreaterThanOrEqualTo(fair.minProposalAffinity() - 1e-9);
                    assertThat(fair.minBound()).as(ctx).isLessThanOrEqualTo(smallestOwnBest(p, 3) + 1e-9);
                }
            } finally {
                System.clearProperty("tandem.fair.allArcsUpTo");
            }
        }
    }

    /** The smallest, over proposals, of the sum of its {@code k} best candidates: no assignment beats it. */
    private static double smallestOwnBest(AssignmentProblem p, int k) {
        double min = Double.POSITIVE_INFINITY;
        for (Demand d : p.demands()) {
            double sum = p.candidates().stream().filter(c -> c.proposalId().equals(d.proposalId()))
                    .filter(c -> !p.conflicts().contains(new AssignmentProblem.Pair(c.proposalId(), c.reviewerId())))
                    .map(Candidate::score).sorted((a, b) -> Double.compare(b, a)).limit(k).mapToDouble(x -> x).sum();
            min = Math.min(min, sum);
        }
        return min;
    }

    /** Topic mixtures as in {@link ConferenceGenerator}, small: scores skewed, some papers with few experts. */
    static AssignmentProblem conference(Random rnd, int papers, int reviewers, int perPaper, int maxLoad) {
        int topics = 8;
        double[][] paper = new double[papers][topics];
        double[][] reviewer = new double[reviewers][topics];
        for (double[] v : paper) {
            v[(int) Math.min(topics - 1, Math.floor(-Math.log(rnd.nextDouble()) * 2.5))] = 1;
        }
        for (double[] v : reviewer) {
            v[rnd.nextInt(topics)] = 1;
            v[rnd.nextInt(topics)] += 0.5;
        }
        List<Reviewer> rs = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            rs.add(new Reviewer("r" + r, "PC", maxLoad, 0));
        }
        List<Demand> ds = new ArrayList<>();
        List<Candidate> cs = new ArrayList<>();
        Set<AssignmentProblem.Pair> conflicts = new HashSet<>();
        for (int p = 0; p < papers; p++) {
            ds.add(new Demand("p" + p, "PC", perPaper));
            for (int r = 0; r < reviewers; r++) {
                double dot = 0;
                double nr = 0;
                for (int k = 0; k < topics; k++) {
                    dot += paper[p][k] * reviewer[r][k];
                    nr += reviewer[r][k] * reviewer[r][k];
                }
                double s = Math.round((dot / Math.sqrt(nr)) * (0.7 + 0.3 * rnd.nextDouble()) * 1e4) / 1e4
                        + Math.round(0.1 * rnd.nextDouble() * 1e4) / 1e4;
                if (s >= 0.02) {
                    cs.add(new Candidate("p" + p, "r" + r, s, String.valueOf(s)));
                    if (rnd.nextInt(50) == 0) {
                        conflicts.add(new AssignmentProblem.Pair("p" + p, "r" + r));
                    }
                }
            }
        }
        return new AssignmentProblem(rs, ds, cs, conflicts);
    }
}
