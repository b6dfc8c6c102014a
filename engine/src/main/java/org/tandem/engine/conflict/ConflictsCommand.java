package org.tandem.engine.conflict;

import org.tandem.engine.io.CsvTable;
import org.tandem.engine.io.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Year;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code conflicts}: writes {@code proposal_id,reviewer_id,reason,detail}, one row per reason,
 * for the {@code assign} subcommand's {@code --conflicts}. Possible conflicts (initials, partial
 * names) go to {@code --possible} instead, so they are shown to an officer rather than silently
 * enforced by the assignment.
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true,
        description = "Detect conflicts of interest between experts and proposals (JSONL in, CSV out).")
public final class ConflictsCommand implements Callable<Integer> {

    static final String HEADER = "proposal_id,reviewer_id,reason,detail";

    @Spec
    CommandSpec spec;

    @Option(names = "--proposals", required = true, description = "JSONL: id, team[{name, orcid, organisation}]")
    Path proposals;

    @Option(names = "--experts", required = true,
            description = "JSONL: id, name, orcid, affiliations[{organisation, from, to}], "
                    + "publications[{title, year, coauthors}], declared_conflicts[{proposal_id, by, reason}]")
    Path experts;

    @Option(names = "--org-years", defaultValue = "3", description = "Same organisation within N years (default ${DEFAULT-VALUE}).")
    int orgYears;

    @Option(names = "--coauthor-years", defaultValue = "5", description = "Co-authorship within N years (default ${DEFAULT-VALUE}).")
    int coauthorYears;

    @Option(names = "--aliases", description = "CSV, one organisation per line: all its names. Adds to the built-in list.")
    Path aliases;

    @Option(names = "--year", description = "Current year for the windows (default: this year).")
    Integer year;

    @Option(names = "--out", required = true, description = "CSV of certain conflicts.")
    Path out;

    @Option(names = "--possible", description = "CSV of possible conflicts for an officer to confirm.")
    Path possible;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (orgYears < 0 || coauthorYears < 0) {
            err.println("--org-years and --coauthor-years must be >= 0");
            return org.tandem.engine.cli.EngineCli.EXIT_BAD_INPUT;
        }
        List<Conflict> conflicts;
        try {
            OrganisationAliases orgs = OrganisationAliases.builtIn();
            if (aliases != null) {
                ConflictInput.aliases(aliases, orgs);
            }
            List<ProposalParties> ps = ConflictInput.proposals(proposals);
            List<Expert> es = ConflictInput.experts(experts);
            int current = year != null ? year : Year.now().getValue();
            conflicts = new ConflictRules(orgYears, coauthorYears, orgs).findAll(ps, es, current);
        } catch (BadInputException e) {
            err.println("bad input: " + e.getMessage());
            return org.tandem.engine.cli.EngineCli.EXIT_BAD_INPUT;
        }
        List<Conflict> certain = conflicts.stream().filter(c -> !c.possible()).toList();
        List<Conflict> unsure = conflicts.stream().filter(Conflict::possible).toList();
        try {
            write(out, certain);
            if (possible != null) {
                write(possible, unsure);
            }
        } catch (IOException e) {
            err.println("cannot write: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().printf("%d conflicts written to %s%n", certain.size(), out);
        if (!unsure.isEmpty()) {
            err.printf("%d possible conflicts (initials or partial names) need an officer's confirmation%s%n",
                    unsure.size(), possible == null ? "; pass --possible FILE to list them" : " in " + possible);
        }
        return 0;
    }

    /** Writes through a temporary file so a failed run never leaves a half-written CSV. */
    private static void write(Path file, List<Conflict> rows) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".conflicts", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (Conflict c : rows) {
                w.write(CsvTable.quote(c.proposalId()) + "," + CsvTable.quote(c.expertId()) + ","
                        + c.reason().code() + "," + CsvTable.quote(c.detail()) + "\n");
            }
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
