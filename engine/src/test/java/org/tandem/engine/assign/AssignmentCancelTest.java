package org.tandem.engine.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The caller's stop signal ends a long fair search promptly, and a signal never raised changes nothing. */
class AssignmentCancelTest {

    /** Dense random affinities, beyond the size CP-SAT gets all arcs of: the fair search takes seconds. */
    static AssignmentProblem large(int proposals, int reviewers, long seed) {
        Random rnd = new Random(seed);
        List<Reviewer> rs = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            rs.add(new Reviewer("r" + r, "G", (proposals * 3 + reviewers - 1) / reviewers + 1, 0));
        }
        List<Demand> ds = new ArrayList<>();
        List<Candidate> cs = new ArrayList<>();
        for (int p = 0; p < proposals; p++) {
            ds.add(new Demand("p" + p, "G", 3));
            for (int r = 0; r < reviewers; r++) {
                double s = Math.pow(rnd.nextDouble(), 3);
                cs.add(new Candidate("p" + p, "r" + r, s, null));
            }
        }
        return new AssignmentProblem(rs, ds, cs, Set.of());
    }

    @Test
    void aRaisedStopSignalEndsTheFairSearchWithinASecond() {
        AssignmentProblem p = large(600, 300, 7);
        // Raised at the search's third question, not at a clock time: on a quiet machine the whole
        // search may end before any fixed delay, and then nothing would have been stopped.
        AtomicInteger asked = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong raisedAt = new java.util.concurrent.atomic.AtomicLong();
        assertThatThrownBy(() -> Assigner.assign(p, Assigner.Objective.FAIR, 60, () -> {
            if (asked.incrementAndGet() >= 3) {
                raisedAt.compareAndSet(0, System.nanoTime());
                return true;
            }
            return false;
        })).isInstanceOf(AssignmentCancelled.class);
        double seconds = (System.nanoTime() - raisedAt.get()) / 1e9;
        assertThat(asked.get()).isGreaterThanOrEqualTo(3);
        assertThat(seconds).isLessThan(1.5);
    }

    @Test
    void aStopSignalThatIsNeverRaisedGivesTheSameResult() {
        AssignmentProblem p = AssignerTest.random(new Random(5), true);
        AssignmentResult plain = Assigner.assign(p, Assigner.Objective.FAIR, 10);
        AssignmentResult watched = Assigner.assign(p, Assigner.Objective.FAIR, 10, () -> false);
        assertThat(watched.assigned()).isEqualTo(plain.assigned());
        assertThat(watched.minBound()).isEqualTo(plain.minBound());
    }

    @Test
    void aStopSignalRaisedBeforeTheStartStopsEvenTheTotalObjective() {
        AssignmentProblem p = AssignerTest.random(new Random(6), false);
        assertThatThrownBy(() -> Assigner.assign(p, Assigner.Objective.TOTAL, 10, () -> true))
                .isInstanceOf(AssignmentCancelled.class);
    }
}
