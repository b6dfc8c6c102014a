package org.tandem.engine.meetings;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole problem as a 0/1 model (a variable per pair and slot both can attend), for forums small
 * enough that CP-SAT proves the optimum in moments: then the schedule is optimal and the bound is its
 * weight. Started from the heuristic schedule, so it can only improve on it.
 */
final class ExactSolver {

    /** Beyond this many pair-slot variables the model is left to the heuristic. */
    static final int MAX_VARIABLES = 20_000;

    record Result(int[] slotOf, long weight, long boundHalves, boolean optimal) {
    }

    private ExactSolver() {
    }

    static int variables(Forum forum) {
        int n = 0;
        for (int p = 0; p < forum.pairs(); p++) {
            if (forum.usable[p]) {
                for (int s = 0; s < forum.slots(); s++) {
                    if (forum.available(forum.first[p], s) && forum.available(forum.second[p], s)) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Null when CP-SAT found nothing at least as good as the hint within the limit. */
    static Result solve(Forum forum, Schedule hint, double seconds) {
        UpperBound.loadNatives();
        int slots = forum.slots();
        int n = forum.participants();
        CpModel model = new CpModel();
        BoolVar[][] x = new BoolVar[forum.pairs()][];
        List<List<BoolVar>> inSlot = new ArrayList<>();
        List<List<BoolVar>> byParticipantSlot = new ArrayList<>();
        List<List<BoolVar>> byParticipant = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            inSlot.add(new ArrayList<>());
        }
        for (int i = 0; i < n * slots; i++) {
            byParticipantSlot.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            byParticipant.add(new ArrayList<>());
        }
        List<BoolVar> vars = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (int p = 0; p < forum.pairs(); p++) {
            if (!forum.usable[p]) {
                continue;
            }
            int a = forum.first[p];
            int b = forum.second[p];
            x[p] = new BoolVar[slots];
            List<BoolVar> once = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                if (forum.available(a, s) && forum.available(b, s)) {
                    BoolVar var = model.newBoolVar("x" + p + "_" + s);
                    x[p][s] = var;
                    model.addHint(var, hint.slotOf[p] == s);
                    once.add(var);
                    inSlot.get(s).add(var);
                    byParticipantSlot.get(a * slots + s).add(var);
                    byParticipantSlot.get(b * slots + s).add(var);
                    byParticipant.get(a).add(var);
                    byParticipant.get(b).add(var);
                    vars.add(var);
                    weights.add((long) forum.weight[p]);
                }
            }
            if (once.size() > 1) {
                model.addAtMostOne(once.toArray(new BoolVar[0]));
            }
        }
        for (List<BoolVar> l : byParticipantSlot) {
            if (l.size() > 1) {
                model.addAtMostOne(l.toArray(new BoolVar[0]));
            }
        }
        for (int v = 0; v < n; v++) {
            List<BoolVar> l = byParticipant.get(v);
            if (l.size() > forum.capacity[v]) {
                model.addLessOrEqual(LinearExpr.sum(l.toArray(new BoolVar[0])), forum.capacity[v]);
            }
        }
        for (int s = 0; s < slots; s++) {
            List<BoolVar> l = inSlot.get(s);
            if (l.size() > forum.tables[s]) {
                model.addLessOrEqual(LinearExpr.sum(l.toArray(new BoolVar[0])), forum.tables[s]);
            }
        }
        long[] w = new long[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        model.maximize(LinearExpr.weightedSum(vars.toArray(new BoolVar[0]), w));
        CpSolver solver = new CpSolver();
        // One worker with a fixed seed: the same forum gives the same schedule.
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(1).setRandomSeed(0);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        int[] slotOf = new int[forum.pairs()];
        long total = 0;
        for (int p = 0; p < forum.pairs(); p++) {
            slotOf[p] = -1;
            if (x[p] == null) {
                continue;
            }
            for (int s = 0; s < slots; s++) {
                if (x[p][s] != null && solver.booleanValue(x[p][s])) {
                    slotOf[p] = s;
                    total += forum.weight[p];
                }
            }
        }
        // The objective is integral, so any proven bound rounds down to an integer.
        long bound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
        return new Result(slotOf, total, 2 * bound, status == CpSolverStatus.OPTIMAL);
    }
}
