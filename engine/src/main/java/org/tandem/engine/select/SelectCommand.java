package org.tandem.engine.select;

import org.tandem.engine.io.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.tandem.engine.cli.EngineCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code select}: the funding line from CSV files. Thin: parsing and printing only, the logic is {@link FundingLine}. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = "Budget-constrained selection of joint proposals (mirror funding: every party pays its own team).")
public final class SelectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--proposals", required = true, description = "CSV proposal_id,field,merit")
    Path proposals;

    @Option(names = "--costs", required = true, description = "CSV proposal_id,party,cost")
    Path costs;

    @Option(names = "--budgets", required = true, description = "CSV party,budget")
    Path budgets;

    @Option(names = "--quotas", description = "CSV field,min_count,max_count (optional)")
    Path quotas;

    // rank is the default: it is what committees already do and every decision has a one-line reason;
    // optimal is the deliberate what-if.
    @Option(names = "--policy", defaultValue = "rank", description = "rank | optimal (default: ${DEFAULT-VALUE})",
            converter = PolicyConverter.class)
    Policy policy;

    @Option(names = "--time-limit", defaultValue = "60", description = "CP-SAT time limit in seconds (default: ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Option(names = "--out", required = true, description = "CSV written: proposal_id,funded,reason")
    Path out;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (policy == Policy.OPTIMAL) {
            org.tandem.engine.io.OrTools.loadInBackground(); // overlaps unpacking the solver with reading the files
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        FundingResult result;
        try {
            SelectionInput in = SelectionFiles.read(proposals, costs, budgets, quotas);
            if (SolverSettings.log()) {
                System.err.printf("select: files read after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
            result = FundingLine.compute(in.proposals(), in.budgets(), in.quotas(), policy,
                    Duration.ofMillis((long) (timeLimitSeconds * 1000)));
        } catch (BadInputException e) {
            err.println("bad input: " + e.getMessage());
            err.flush();
            return EngineCli.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException | ArithmeticException e) {
            err.println("bad input: " + e.getMessage());
            err.flush();
            return EngineCli.EXIT_BAD_INPUT;
        }
        writeAtomically(out, result);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.quotasMet()) {
            err.println("quotas cannot be met within the budgets: " + String.join("; ", result.unmetMinimums()));
            err.flush();
        }
        stdout.println(summaryJson(result, seconds));
        stdout.flush();
        return result.quotasMet() ? 0 : EngineCli.EXIT_PARTIAL;
    }

    static String summaryJson(FundingResult r, double seconds) {
        StringJoiner spent = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, BigDecimal> e : r.spent().entrySet()) {
            spent.add(jsonString(e.getKey()) + ":" + e.getValue().toPlainString());
        }
        return "{\"funded\":" + r.fundedCount()
                + ",\"total_merit\":" + r.totalMerit().toPlainString()
                + ",\"spent\":" + spent
                + ",\"optimal\":" + r.optimal()
                // optimal only, before seconds: older readers of the line keep matching.
                + (r.meritBound() == null ? "" : ",\"merit_bound\":" + r.meritBound().toPlainString()
                        + ",\"gap\":" + String.format(Locale.ROOT, "%.6f", r.gap()))
                + ",\"seconds\":" + String.format(Locale.ROOT, "%.3f", seconds) + "}";
    }

    /** Written next to the target then moved, so a crash never leaves a half-written OUT.csv. */
    private static void writeAtomically(Path out, FundingResult r) {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".select-", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("proposal_id,funded,reason\n");
                for (Decision d : r.decisions()) {
                    w.write(csv(d.proposalId()) + "," + d.funded() + "," + csv(d.reason()) + "\n");
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<Policy> {
        @Override
        public Policy convert(String value) {
            try {
                return Policy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected rank or optimal, got '" + value + "'");
            }
        }
    }
}
