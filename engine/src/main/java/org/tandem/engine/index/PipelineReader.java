package org.tandem.engine.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tandem.engine.io.BadInputException;

/**
 * Reads {@code pipeline.json} ({@code {"steps":[{"op":…},…], "uncertainty":{…}}}) and checks it
 * against the framework and the data: every op and option known, values in range, the group
 * column present, goalposts or targets available. Errors name the file, line and column of the
 * offending value, and the JSON path.
 */
public final class PipelineReader {

    /** A key given twice would otherwise silently keep the last value. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A JSON value with where it starts. */
    record Node(Object value, int line, int column, String path) {
        @SuppressWarnings("unchecked")
        Map<String, Node> object() {
            return (Map<String, Node>) value;
        }

        @SuppressWarnings("unchecked")
        List<Node> array() {
            return (List<Node>) value;
        }
    }

    private final Path file;
    private final Framework framework;
    private final IndexData data;

    private PipelineReader(Path file, Framework framework, IndexData data) {
        this.file = file;
        this.framework = framework;
        this.data = data;
    }

    /** A pipeline with where each of its steps starts in the file, for errors found while computing. */
    public record Located(Pipeline pipeline, int[] stepLines, int[] stepColumns) {
    }

    /** Reads and checks the pipeline; {@code data} may be null to skip checks against iData (group columns). */
    public static Pipeline read(Path file, Framework framework, IndexData data) {
        return readLocated(file, framework, data).pipeline();
    }

    public static Located readLocated(Path file, Framework framework, IndexData data) {
        Node root;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(file, 1, "pipeline", "the file is empty");
            }
            root = parse(p, "$");
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new BadInputException(file, at.getLineNr(), "column " + at.getColumnNr(),
                        "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadInputException(file, at == null ? 0 : at.getLineNr(),
                    "column " + (at == null ? 0 : at.getColumnNr()), "invalid JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, "file", "no such file");
        } catch (IOException e) {
            throw new BadInputException(file, 0, "file", "cannot be read: " + e.getMessage());
        }
        Pipeline pipeline = new PipelineReader(file, framework, data).pipeline(root);
        List<Node> steps = root.object().get("steps").array();
        int[] lines = new int[steps.size()];
        int[] cols = new int[steps.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = steps.get(i).line();
            cols[i] = steps.get(i).column();
        }
        return new Located(pipeline, lines, cols);
    }

    private static Node parse(JsonParser p, String path) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, parse(p, path + "." + name));
                }
                return new Node(m, line, col, path);
            }
            case START_ARRAY -> {
                List<Node> l = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(parse(p, path + "[" + i++ + "]"));
                }
                return new Node(l, line, col, path);
            }
            case VALUE_STRING -> {
                return new Node(p.getText(), line, col, path);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(p.getDoubleValue(), line, col, path);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(t == JsonToken.VALUE_TRUE, line, col, path);
            }
            case VALUE_NULL -> {
                return new Node(null, line, col, path);
            }
            default -> throw new IllegalStateException(t.toString());
        }
    }

    private BadInputException error(Node n, String message) {
        return new BadInputException(file, n.line(), "column " + n.column() + " (" + n.path() + ")", message);
    }

    private Map<String, Node> object(Node n, Set<String> allowed) {
        if (!(n.value() instanceof Map)) {
            throw error(n, "expected a JSON object");
        }
        for (Map.Entry<String, Node> e : n.object().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue(), "unknown option '" + e.getKey() + "' (expected one of " + allowed + ")");
            }
        }
        return n.object();
    }

    private Pipeline pipeline(Node root) {
        Map<String, Node> top = object(root, Set.of("steps", "uncertainty"));
        Node stepsNode = top.get("steps");
        if (stepsNode == null) {
            throw error(root, "missing \"steps\"");
        }
        if (!(stepsNode.value() instanceof List)) {
            throw error(stepsNode, "\"steps\" must be an array");
        }
        List<Pipeline.Step> steps = new ArrayList<>();
        for (Node s : stepsNode.array()) {
            steps.add(step(s));
        }
        int aggregates = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Pipeline.Aggregate) {
                aggregates++;
                if (i != steps.size() - 1) {
                    throw error(stepsNode.array().get(i), "aggregate must be the last step");
                }
            }
        }
        if (aggregates == 0) {
            throw error(stepsNode, "the pipeline needs an aggregate step (last)");
        }
        Pipeline.Uncertainty u = top.containsKey("uncertainty") ? uncertainty(top.get("uncertainty")) : null;
        return new Pipeline(steps, u);
    }

    private Pipeline.Step step(Node n) {
        if (!(n.value() instanceof Map)) {
            throw error(n, "a step must be a JSON object with \"op\"");
        }
        Node op = n.object().get("op");
        if (op == null) {
            throw error(n, "missing \"op\"");
        }
        String name = text(op);
        return switch (name) {
            case "denominate" -> {
                object(n, Set.of("op"));
                yield new Pipeline.Denominate();
            }
            case "impute" -> impute(n);
            case "screen" -> {
                Map<String, Node> m = object(n, Set.of("op", "min_data_availability"));
                double t = m.containsKey("min_data_availability") ? number(m.get("min_data_availability")) : 2.0 / 3;
                if (t < 0 || t > 1) {
                    throw error(m.get("min_data_availability"), "must be between 0 and 1");
                }
                yield new Pipeline.Screen(t);
            }
            case "treat" -> treat(n);
            case "normalise" -> normalise(n);
            case "aggregate" -> aggregate(n);
            default -> throw error(op, "unknown op '" + name
                    + "' (expected denominate, impute, screen, treat, normalise or aggregate)");
        };
    }

    private Pipeline.Step impute(Node n) {
        Map<String, Node> m = object(n, Set.of("op", "method", "group"));
        String method = m.containsKey("method") ? coinrName(text(m.get("method")), "i_") : "mean";
        Pipeline.ImputeMethod im = switch (method) {
            case "mean" -> Pipeline.ImputeMethod.MEAN;
            case "median" -> Pipeline.ImputeMethod.MEDIAN;
            case "mean_group" -> Pipeline.ImputeMethod.MEAN_GROUP;
            case "median_group" -> Pipeline.ImputeMethod.MEDIAN_GROUP;
            default -> throw error(m.get("method"), "unknown impute method '" + method
                    + "' (expected mean, median, mean_group or median_group)");
        };
        String group = null;
        if (im == Pipeline.ImputeMethod.MEAN_GROUP || im == Pipeline.ImputeMethod.MEDIAN_GROUP) {
            if (!m.containsKey("group")) {
                throw error(n, method + " needs \"group\": the iData column that groups the units");
            }
            group = text(m.get("group"));
            if (data != null && !data.groups().containsKey(group)) {
                throw error(m.get("group"), "group column '" + group + "' is not a (non-indicator) column of iData");
            }
        } else if (m.containsKey("group")) {
            throw error(m.get("group"), "\"group\" only goes with mean_group or median_group");
        }
        return new Pipeline.Impute(im, group);
    }

    private Pipeline.Step treat(Node n) {
        Map<String, Node> m = object(n, Set.of("op", "method", "max_points", "max_skew", "max_kurtosis", "fallback",
                "combine"));
        String method = m.containsKey("method") ? text(m.get("method")) : "winsorise";
        if (!method.equals("winsorise")) {
            throw error(m.get("method"), "unknown treat method '" + method + "' (expected winsorise)");
        }
        Integer maxPoints = 5;
        if (m.containsKey("max_points")) {
            Node mp = m.get("max_points");
            if (mp.value() == null) {
                maxPoints = null;
            } else {
                double d = number(mp);
                if (d < 0 || d != Math.rint(d)) {
                    throw error(mp, "must be a whole number ≥ 0 (or null for no limit)");
                }
                maxPoints = (int) d;
            }
        }
        double skew = m.containsKey("max_skew") ? positive(m.get("max_skew")) : 2;
        double kurt = m.containsKey("max_kurtosis") ? number(m.get("max_kurtosis")) : 3.5;
        String fb = m.containsKey("fallback") ? text(m.get("fallback")) : "log";
        Pipeline.Fallback fallback = switch (fb) {
            case "log" -> Pipeline.Fallback.LOG;
            case "log_plus" -> Pipeline.Fallback.LOG_PLUS;
            case "none" -> Pipeline.Fallback.NONE;
            default -> throw error(m.get("fallback"), "unknown fallback '" + fb + "' (expected log, log_plus or none)");
        };
        boolean combine = m.containsKey("combine") && bool(m.get("combine"));
        return new Pipeline.Treat(maxPoints, skew, kurt, fallback, combine);
    }

    /** COINr's own parameter names are accepted too, so an analyst can copy them from an R script. */
    private static final Map<String, String> NORMALISE_ALIASES = Map.of("l_u", "range", "m_sd", "mean_sd",
            "gposts", "goalposts", "npara", "bounds");

    private static final Set<String> NORMALISE_OPTIONS = Set.of("op", "method", "range", "mean_sd", "goalposts",
            "trunc2posts", "cap_max", "bounds", "l_u", "m_sd", "gposts", "npara");

    private Pipeline.Normalise normalise(Node n) {
        return normaliseSpec(n, aliased(object(n, NORMALISE_OPTIONS), NORMALISE_ALIASES));
    }

    private Map<String, Node> aliased(Map<String, Node> m, Map<String, String> aliases) {
        Map<String, Node> out = new LinkedHashMap<>(m);
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            Node v = out.remove(a.getKey());
            if (v != null) {
                if (out.containsKey(a.getValue())) {
                    throw error(v, "'" + a.getKey() + "' and '" + a.getValue() + "' are the same option; give one");
                }
                out.put(a.getValue(), v);
            }
        }
        return out;
    }

    /** "n_minmax" → "minmax", "a_gmean" → "gmean", "i_mean_grp" → "mean_group": COINr's function names. */
    private static String coinrName(String s, String prefix) {
        String t = s.startsWith(prefix) ? s.substring(prefix.length()) : s;
        return t.endsWith("_grp") ? t.substring(0, t.length() - 4) + "_group" : t;
    }

    private Pipeline.Normalise normaliseSpec(Node n, Map<String, Node> m) {
        String method = m.containsKey("method") ? coinrName(text(m.get("method")), "n_") : "minmax";
        Pipeline.NormaliseMethod nm;
        try {
            nm = Pipeline.NormaliseMethod.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(m.get("method"), "unknown normalise method '" + method
                    + "' (expected minmax, zscore, rank, prank, borda, goalposts, dist2targ, dist2max, fracmax, scaled or none)");
        }
        double a = 0;
        double b = 0;
        double[] posts = null;
        switch (nm) {
            case MINMAX -> {
                double[] r = m.containsKey("range") ? pair(m.get("range")) : new double[] {0, 100};
                a = r[0];
                b = r[1];
            }
            case ZSCORE -> {
                double[] r = m.containsKey("mean_sd") ? pair(m.get("mean_sd")) : new double[] {0, 1};
                if (r[1] <= 0) {
                    throw error(m.get("mean_sd"), "the standard deviation must be positive");
                }
                a = r[0];
                b = r[1];
            }
            case SCALED -> {
                double[] r = m.containsKey("bounds") ? pair(m.get("bounds")) : new double[] {0, 100};
                a = r[0];
                b = r[1];
            }
            case GOALPOSTS -> {
                if (m.containsKey("goalposts")) {
                    Node g = m.get("goalposts");
                    List<Node> l = g.value() instanceof List ? g.array() : List.of();
                    if (l.size() != 3) {
                        throw error(g, "goalposts must be [lower, upper, scale]");
                    }
                    posts = new double[] {number(l.get(0)), number(l.get(1)), number(l.get(2))};
                } else if (framework.indicatorParameter("goalpost_lower") == null
                        || framework.indicatorParameter("goalpost_upper") == null) {
                    throw error(n, "goalposts need \"goalposts\": [lower, upper, scale] or iMeta columns "
                            + "goalpost_lower and goalpost_upper");
                } else {
                    double[] lo = framework.indicatorParameter("goalpost_lower");
                    double[] hi = framework.indicatorParameter("goalpost_upper");
                    for (int i = 0; i < lo.length; i++) {
                        if (Double.isNaN(lo[i]) || Double.isNaN(hi[i])) {
                            throw error(n, "indicator " + framework.code(1, i)
                                    + " has no goalpost_lower/goalpost_upper in iMeta");
                        }
                    }
                }
            }
            case DIST2TARG -> {
                for (int i = 0; i < framework.indicatorCount(); i++) {
                    if (Double.isNaN(framework.target(i))) {
                        throw error(n, "dist2targ needs a Target in iMeta for every indicator; "
                                + framework.code(1, i) + " has none");
                    }
                }
            }
            default -> {
            }
        }
        boolean trunc = !m.containsKey("trunc2posts") || bool(m.get("trunc2posts"));
        boolean cap = m.containsKey("cap_max") && bool(m.get("cap_max"));
        return new Pipeline.Normalise(nm, a, b, posts, trunc, cap);
    }

    private Pipeline.Aggregate aggregate(Node n) {
        Map<String, Node> m = object(n, Set.of("op", "method", "levels", "min_data_availability"));
        return aggregateSpec(n, m);
    }

    /**
     * {@code method}: one name for all levels, or an array with one per aggregation (level 2 first);
     * {@code levels}: an object overriding by level number ({@code {"3":"gmean"}}).
     */
    private Pipeline.Aggregate aggregateSpec(Node n, Map<String, Node> m) {
        int aggs = framework.levels() - 1;
        Pipeline.AggregateMethod[] methods = new Pipeline.AggregateMethod[aggs];
        java.util.Arrays.fill(methods, Pipeline.AggregateMethod.AMEAN);
        Node method = m.get("method");
        Node levels = m.get("levels");
        if (method != null && method.value() instanceof Map) {
            if (levels != null) {
                throw error(method, "give the per-level methods either in \"method\" or in \"levels\"");
            }
            levels = method;
            method = null;
        }
        if (method != null) {
            if (method.value() instanceof List) {
                List<Node> l = method.array();
                if (l.size() != aggs) {
                    throw error(method, "one method per aggregation level: expected " + aggs + ", got " + l.size());
                }
                for (int i = 0; i < aggs; i++) {
                    methods[i] = aggregateMethod(l.get(i));
                }
            } else {
                java.util.Arrays.fill(methods, aggregateMethod(method));
            }
        }
        if (levels != null) {
            if (!(levels.value() instanceof Map)) {
                throw error(levels, "\"levels\" must be an object such as {\"2\": \"gmean\"}");
            }
            for (Map.Entry<String, Node> e : levels.object().entrySet()) {
                int lev;
                try {
                    lev = Integer.parseInt(e.getKey().replaceFirst("^(?i)(level|l)", ""));
                } catch (NumberFormatException ex) {
                    throw error(e.getValue(), "level '" + e.getKey() + "' is not a level number");
                }
                if (lev < 2 || lev > framework.levels()) {
                    throw error(e.getValue(), "level " + lev + " is not an aggregation level (2.." + framework.levels() + ")");
                }
                methods[lev - 2] = aggregateMethod(e.getValue());
            }
        }
        double[] thresh = null;
        Node dt = m.get("min_data_availability");
        if (dt != null) {
            thresh = new double[aggs];
            if (dt.value() instanceof List) {
                List<Node> l = dt.array();
                if (l.size() != aggs) {
                    throw error(dt, "one threshold per aggregation level: expected " + aggs);
                }
                for (int i = 0; i < aggs; i++) {
                    thresh[i] = fraction(l.get(i));
                }
            } else {
                java.util.Arrays.fill(thresh, fraction(dt));
            }
        }
        return new Pipeline.Aggregate(methods, thresh);
    }

    private Pipeline.AggregateMethod aggregateMethod(Node n) {
        String s = coinrName(text(n), "a_");
        return switch (s) {
            case "amean" -> Pipeline.AggregateMethod.AMEAN;
            case "gmean" -> Pipeline.AggregateMethod.GMEAN;
            case "hmean" -> Pipeline.AggregateMethod.HMEAN;
            default -> throw error(n, "unknown aggregate method '" + s + "' (expected amean, gmean or hmean)");
        };
    }

    private Pipeline.Uncertainty uncertainty(Node n) {
        Map<String, Node> m = object(n, Set.of("weights_noise", "normalise", "aggregate"));
        double noise = m.containsKey("weights_noise") ? number(m.get("weights_noise")) : 0;
        if (noise < 0 || noise > 1) {
            throw error(m.get("weights_noise"), "weights_noise is a relative ±share, between 0 and 1");
        }
        List<Pipeline.Normalise> norms = new ArrayList<>();
        if (m.containsKey("normalise")) {
            for (Node alt : list(m.get("normalise"))) {
                if (alt.value() instanceof String) {
                    Map<String, Node> mm = Map.of("method", alt);
                    norms.add(normaliseSpec(alt, mm));
                } else {
                    norms.add(normaliseSpec(alt, aliased(object(alt, NORMALISE_OPTIONS), NORMALISE_ALIASES)));
                }
            }
        }
        List<Pipeline.Aggregate> aggs = new ArrayList<>();
        if (m.containsKey("aggregate")) {
            for (Node alt : list(m.get("aggregate"))) {
                if (alt.value() instanceof String) {
                    aggs.add(aggregateSpec(alt, Map.of("method", alt)));
                } else {
                    aggs.add(aggregateSpec(alt, object(alt, Set.of("op", "method", "levels", "min_data_availability"))));
                }
            }
        }
        return new Pipeline.Uncertainty(noise, norms, aggs);
    }

    private List<Node> list(Node n) {
        if (!(n.value() instanceof List)) {
            throw error(n, "expected an array of alternatives");
        }
        return n.array();
    }

    private String text(Node n) {
        if (!(n.value() instanceof String s)) {
            throw error(n, "expected a string");
        }
        return s;
    }

    private double number(Node n) {
        if (!(n.value() instanceof Double d)) {
            throw error(n, "expected a number");
        }
        return d;
    }

    private double positive(Node n) {
        double d = number(n);
        if (d <= 0) {
            throw error(n, "must be positive");
        }
        return d;
    }

    private double fraction(Node n) {
        double d = number(n);
        if (d < 0 || d > 1) {
            throw error(n, "must be between 0 and 1");
        }
        return d;
    }

    private boolean bool(Node n) {
        if (!(n.value() instanceof Boolean b)) {
            throw error(n, "expected true or false");
        }
        return b;
    }

    private double[] pair(Node n) {
        if (!(n.value() instanceof List) || n.array().size() != 2) {
            throw error(n, "expected [lower, upper]");
        }
        double lo = number(n.array().get(0));
        double hi = number(n.array().get(1));
        return new double[] {lo, hi};
    }
}
