package org.tandem.engine.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Pipeline} on an iData/iMeta pair as COINr's build functions would, one step
 * after the other ({@code Denominate → Impute → Screen → Treat → Normalise → Aggregate} in the
 * order the pipeline gives).
 */
public final class IndexComputation {

    private IndexComputation() {
    }

    public static IndexResult run(Framework f, IndexData data, Pipeline pipeline) {
        List<Treatment.Result> treatment = new ArrayList<>();
        IndexState s = prepare(f, data, pipeline.steps(), null, treatment);
        Pipeline.Aggregate agg = aggregateStep(pipeline);
        int aggAt = pipeline.steps().indexOf(agg);
        double[][][] levels;
        try {
            levels = Aggregation.aggregate(f, s.values(), f.allWeights(), agg.methods(), agg.datThresh());
        } catch (Aggregation.Failure e) {
            throw new IndexException(aggAt, "aggregate: " + e.getMessage());
        }
        return result(f, data, s, levels, treatment);
    }

    static IndexResult result(Framework f, IndexData data, IndexState s, double[][][] levels,
            List<Treatment.Result> treatment) {
        String[] codes = new String[s.unitCount()];
        boolean[] kept = new boolean[data.unitCount()];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = data.unitCodes()[s.units()[k]];
            kept[s.units()[k]] = true;
        }
        List<String> removed = new ArrayList<>();
        for (int u = 0; u < kept.length; u++) {
            if (!kept[u]) {
                removed.add(data.unitCodes()[u]);
            }
        }
        double[] rank = RStats.rankMinDescending(levels[levels.length - 1][0]);
        return new IndexResult(codes, s.units(), levels, rank, treatment, removed);
    }

    static Pipeline.Aggregate aggregateStep(Pipeline p) {
        Pipeline.Aggregate agg = null;
        for (Pipeline.Step st : p.steps()) {
            if (st instanceof Pipeline.Aggregate a) {
                agg = a;
            }
        }
        if (agg == null) {
            throw new IllegalArgumentException("pipeline has no aggregate step");
        }
        return agg;
    }

    /**
     * Every step but the aggregation. With {@code normaliseOverride}, the pipeline's (last) normalise
     * step is replaced by it, or it is added just before aggregation when the pipeline has none.
     */
    static IndexState prepare(Framework f, IndexData data, List<Pipeline.Step> steps,
            Pipeline.Normalise normaliseOverride, List<Treatment.Result> treatmentOut) {
        int lastNormalise = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Pipeline.Normalise) {
                lastNormalise = i;
            }
        }
        IndexState s = IndexState.of(data);
        boolean overridden = false;
        for (int i = 0; i < steps.size(); i++) {
            Pipeline.Step st = steps.get(i);
            if (st instanceof Pipeline.Normalise n && normaliseOverride != null && i == lastNormalise) {
                st = normaliseOverride;
                overridden = true;
            }
            if (st instanceof Pipeline.Aggregate) {
                if (normaliseOverride != null && !overridden) {
                    s = normalise(s, f, normaliseOverride);
                    overridden = true;
                }
                continue;
            }
            s = apply(s, st, f, data, i, treatmentOut);
        }
        return s;
    }

    /**
     * The uncertainty analysis' states: the steps before the (last) normalise step run once, then each
     * alternative normalisation and the steps after it (up to aggregation).
     */
    static List<IndexState> prepareAlternatives(Framework f, IndexData data, List<Pipeline.Step> steps,
            List<Pipeline.Normalise> alternatives) {
        int lastNormalise = -1;
        int aggregate = steps.size();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Pipeline.Normalise) {
                lastNormalise = i;
            }
            if (steps.get(i) instanceof Pipeline.Aggregate) {
                aggregate = Math.min(aggregate, i);
            }
        }
        int split = lastNormalise >= 0 ? lastNormalise : aggregate;
        IndexState base = IndexState.of(data);
        for (int i = 0; i < split; i++) {
            base = apply(base, steps.get(i), f, data, i, null);
        }
        List<IndexState> out = new ArrayList<>();
        for (Pipeline.Normalise n : alternatives) {
            IndexState s = normalise(base, f, n);
            for (int i = split + 1; i < aggregate; i++) {
                s = apply(s, steps.get(i), f, data, i, null);
            }
            out.add(s);
        }
        return out;
    }

    static IndexState apply(IndexState s, Pipeline.Step st, Framework f, IndexData data, int step,
            List<Treatment.Result> treatmentOut) {
        if (st instanceof Pipeline.Denominate) {
            return DataSteps.denominate(s, f, data);
        } else if (st instanceof Pipeline.Impute im) {
            return DataSteps.impute(s, im, f, data, step);
        } else if (st instanceof Pipeline.Screen sc) {
            return DataSteps.screen(s, sc);
        } else if (st instanceof Pipeline.Treat t) {
            double[][] v = new double[s.values().length][];
            if (treatmentOut != null) {
                treatmentOut.clear();
            }
            for (int i = 0; i < v.length; i++) {
                Treatment.Result r = Treatment.treat(s.values()[i], t);
                v[i] = r.values();
                if (treatmentOut != null) {
                    treatmentOut.add(r);
                }
            }
            return new IndexState(s.units(), v);
        } else if (st instanceof Pipeline.Normalise n) {
            return normalise(s, f, n);
        }
        throw new IllegalStateException(st.toString());
    }

    static IndexState normalise(IndexState s, Framework f, Pipeline.Normalise n) {
        double[] lower = f.indicatorParameter("goalpost_lower");
        double[] upper = f.indicatorParameter("goalpost_upper");
        double[] scale = f.indicatorParameter("goalpost_scale");
        double[] trunc = f.indicatorParameter("goalpost_trunc2posts");
        double[][] v = new double[s.values().length][];
        for (int i = 0; i < v.length; i++) {
            double[] posts = null;
            boolean truncate = n.truncate();
            if (n.method() == Pipeline.NormaliseMethod.GOALPOSTS && n.goalposts() == null) {
                posts = new double[] {lower[i], upper[i], scale == null || Double.isNaN(scale[i]) ? 1 : scale[i]};
                truncate = trunc == null || Double.isNaN(trunc[i]) || trunc[i] != 0;
            }
            v[i] = Normalisation.normalise(s.values()[i], f.direction(i), n, posts, truncate, f.target(i));
        }
        return new IndexState(s.units(), v);
    }
}
