package org.tandem.engine.meetings;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * The LP relaxation of choosing the meetings, solved exactly as a min-cost flow.
 *
 * <p>The relaxation forgets the slots except through three counts that every schedule obeys:
 * participant v has at most {@link Forum#capacity} meetings, a pair meets at most once, and the forum
 * holds at most {@code C = Σ_s min(tables_s, ⌊participants available in s / 2⌋)} meetings. Its LP
 * (fractional degree-constrained subgraph with a cardinality cap) equals half the best flow in the
 * bipartite double cover: every participant appears as a left and a right copy, pair {u, v} gives arcs
 * u→v' and v→u' of capacity 1 and profit w, left copies draw at most capacity from the source,
 * right copies send at most capacity to the sink, and at most 2C units flow. Given an LP solution y,
 * putting y_e on both arcs is a flow of twice the value; given a flow, y_e = (f(u→v') + f(v→u')) / 2
 * satisfies every LP constraint. A flow network with integer capacities has an integral optimum, so
 * the bound is an integer number of halves and y is half-integral — a good guide for the scheduler.
 */
final class UpperBound {


    /** Twice the bound (the bound itself may end in .5). */
    final long halves;
    /** Per pair, twice its LP value: 0, 1 or 2. */
    final int[] lpHalves;
    /** The forum-wide meeting cap C used in the relaxation. */
    final long meetingCap;

    private UpperBound(long halves, int[] lpHalves, long meetingCap) {
        this.halves = halves;
        this.lpHalves = lpHalves;
        this.meetingCap = meetingCap;
    }

    static void loadNatives() {
        org.tandem.engine.io.OrTools.load();
    }

    /** C: no slot holds more meetings than its tables, nor more than half of those who can attend it. */
    static long meetingCap(Forum forum) {
        long cap = 0;
        for (int s = 0; s < forum.slots(); s++) {
            int present = 0;
            for (int v = 0; v < forum.participants(); v++) {
                if (forum.capacity[v] > 0 && forum.available(v, s)) {
                    present++;
                }
            }
            cap += Math.min(forum.tables[s], present / 2);
        }
        return cap;
    }

    static UpperBound of(Forum forum) {
        loadNatives();
        int n = forum.participants();
        long cap = meetingCap(forum);
        int[] lp = new int[forum.pairs()];
        if (cap == 0 || forum.incident.length == 0) {
            return new UpperBound(0, lp, cap);
        }
        int source = 0;
        int sink = 1;
        MinCostFlow flow = new MinCostFlow(2 + 2 * n, 2 * n + 2 * forum.pairs() + 1);
        for (int v = 0; v < n; v++) {
            if (forum.capacity[v] > 0) {
                flow.addArcWithCapacityAndUnitCost(source, 2 + v, forum.capacity[v], 0);
                flow.addArcWithCapacityAndUnitCost(2 + n + v, sink, forum.capacity[v], 0);
            }
        }
        int[] arc = new int[forum.pairs()];
        for (int p = 0; p < forum.pairs(); p++) {
            if (!forum.usable[p]) {
                arc[p] = -1;
                continue;
            }
            int a = forum.first[p];
            int b = forum.second[p];
            arc[p] = flow.addArcWithCapacityAndUnitCost(2 + a, 2 + n + b, 1, -forum.weight[p]);
            flow.addArcWithCapacityAndUnitCost(2 + b, 2 + n + a, 1, -forum.weight[p]);
        }
        // What the cap allows but no pair is worth goes straight to the sink at no profit.
        flow.addArcWithCapacityAndUnitCost(source, sink, 2 * cap, 0);
        flow.setNodeSupply(source, 2 * cap);
        flow.setNodeSupply(sink, -2 * cap);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("min-cost flow for the bound ended " + status);
        }
        for (int p = 0; p < forum.pairs(); p++) {
            if (arc[p] >= 0) {
                lp[p] = (int) (flow.getFlow(arc[p]) + flow.getFlow(arc[p] + 1));
            }
        }
        long halves = -flow.getOptimalCost();
        flow.delete();
        return new UpperBound(halves, lp, cap);
    }
}
