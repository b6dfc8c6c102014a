package org.tandem.engine.index;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tandem.engine.cli.EngineCli;
import org.tandem.engine.io.BadInputException;
import org.tandem.engine.io.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code index}: a composite index from COINr-style iData/iMeta and a pipeline, with COINr's
 * numbers. Thin: reading, checking and writing; the rules are in {@link IndexComputation}.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Composite indicator (COINr 1.1 rules): denominate, impute, screen, treat, normalise, aggregate, rank.")
public final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "iData.csv: uCode, groups, denominators, one column per indicator")
    Path data;

    @Option(names = "--meta", required = true, description = "iMeta.csv: Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type")
    Path meta;

    @Option(names = "--pipeline", required = true, description = "pipeline.json: {\"steps\":[{\"op\":…},…]}")
    Path pipeline;

    @Option(names = "--out", required = true, description = "results.csv written: uCode, one column per aggregate, Rank")
    Path out;

    @Option(names = "--uncertainty", description = "number of Monte-Carlo replications")
    Integer replications;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the uncertainty analysis (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--uncertainty-out", description = "U.csv written: uCode,nominal_rank,median_rank,q05_rank,q95_rank")
    Path uncertaintyOut;

    @Option(names = "--audit-out", description = "optional audit.csv written: data availability, correlations, Cronbach's alpha, PCA, strengths and weaknesses")
    Path auditOut;

    @Option(names = "--strengths", defaultValue = "10", description = "strengths and weaknesses: the unit's n best / worst indicators (GII: 10; default: ${DEFAULT-VALUE})")
    int strengths;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Framework f;
        IndexResult result;
        UncertaintyAnalysis.Outcome ua = null;
        List<String> audit = null;
        boolean noUncertaintySpec = false;
        try {
            if ((replications == null) != (uncertaintyOut == null)) {
                throw new BadInputException(Path.of("command line"), 0, "--uncertainty",
                        "--uncertainty N and --uncertainty-out U.csv go together");
            }
            if (strengths < 1) {
                throw new BadInputException(Path.of("command line"), 0, "--strengths", "must be at least 1");
            }
            if (replications != null && replications < 1) {
                throw new BadInputException(Path.of("command line"), 0, "--uncertainty", "must be at least 1");
            }
            for (Path target : new Path[] {out, uncertaintyOut, auditOut}) {
                Path dir = target == null ? null : target.toAbsolutePath().getParent();
                if (dir != null && !Files.isDirectory(dir)) {
                    throw new BadInputException(target, 0, "output", "directory " + dir + " does not exist");
                }
            }
            IndexFiles.Meta m = IndexFiles.readMeta(meta);
            f = m.framework();
            IndexData d = IndexFiles.readData(data, m);
            PipelineReader.Located p = PipelineReader.readLocated(pipeline, f, d);
            try {
                result = IndexComputation.run(f, d, p.pipeline());
                if (replications != null) {
                    noUncertaintySpec = p.pipeline().uncertainty() == null;
                    ua = UncertaintyAnalysis.run(f, d, p.pipeline(), result, replications, seed);
                }
            } catch (IndexException e) {
                int s = e.step();
                throw new BadInputException(pipeline, s >= 0 ? p.stepLines()[s] : 0,
                        s >= 0 ? "column " + p.stepColumns()[s] + " ($.steps[" + s + "])" : "pipeline", e.getMessage());
            }
            if (auditOut != null) {
                audit = AuditCsv.lines(IndexAudit.audit(f, d, result, strengths));
            }
        } catch (BadInputException e) {
            err.println("bad input: " + e.getMessage());
            err.flush();
            return EngineCli.EXIT_BAD_INPUT;
        }
        writeAtomically(out, resultLines(f, result));
        if (ua != null) {
            writeAtomically(uncertaintyOut, uncertaintyLines(ua));
            if (noUncertaintySpec) {
                err.println("pipeline has no \"uncertainty\" object (weights_noise, normalise, aggregate): "
                        + "every replication is the nominal index");
                err.flush();
            }
            if (ua.failed() > 0) {
                err.println(ua.failed() + " of " + ua.replications()
                        + " replications failed (as in COINr, e.g. a geometric mean over zeros) and were left out");
                err.flush();
            }
        }
        if (audit != null) {
            writeAtomically(auditOut, audit);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stdout.println("{\"units\":" + result.unitCodes().length + ",\"indicators\":" + f.indicatorCount()
                + ",\"seconds\":" + String.format(Locale.ROOT, "%.3f", seconds) + "}");
        stdout.flush();
        return 0;
    }

    static List<String> resultLines(Framework f, IndexResult r) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder h = new StringBuilder("uCode");
        for (String c : f.aggregateCodes()) {
            h.append(',').append(CsvTable.quote(c));
        }
        lines.add(h.append(",Rank").toString());
        for (int k = 0; k < r.unitCodes().length; k++) {
            StringBuilder b = new StringBuilder(CsvTable.quote(r.unitCodes()[k]));
            for (int l = 2; l <= f.levels(); l++) {
                for (double[] node : r.levels()[l - 1]) {
                    b.append(',').append(number(node[k]));
                }
            }
            b.append(',').append(number(r.rank()[k]));
            lines.add(b.toString());
        }
        return lines;
    }

    static List<String> uncertaintyLines(UncertaintyAnalysis.Outcome ua) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("uCode,nominal_rank,median_rank,q05_rank,q95_rank");
        for (UncertaintyAnalysis.UnitRanks u : ua.units()) {
            lines.add(CsvTable.quote(u.unitCode()) + "," + number(u.nominal()) + "," + number(u.median()) + ","
                    + number(u.q05()) + "," + number(u.q95()));
        }
        return lines;
    }

    /** Shortest decimal that reads back to the same double, never in E notation; whole numbers without ".0"; NaN empty. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.indexOf('E') < 0 ? s : new BigDecimal(s).toPlainString();
    }

    /** Written next to the target then moved, so a crash never leaves a half-written file. */
    private static void writeAtomically(Path target, List<String> lines) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".index-", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (String l : lines) {
                    w.write(l);
                    w.write('\n');
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
