package org.tandem.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code tandem-engine.jar}. Each algorithm of the engine is a subcommand that
 * reads plain CSV/JSONL files, so an agency can run it on its own data and so it can be
 * compared with other tools on the same instance.
 */
@Command(name = "tandem-engine", mixinStandardHelpOptions = true, version = "tandem-engine 0.1.0",
        description = "Tandem's optimisation and analysis engine on plain files.",
        subcommands = {CommandLine.HelpCommand.class})
public final class EngineCli implements Runnable {

    /** Exit code for bad input: the file, line and field are named on stderr and nothing is written. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when the result is valid but some demand or quota could not be met. */
    public static final int EXIT_PARTIAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool without exiting the JVM, so tests can call it directly. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new EngineCli());
        // One subcommand per algorithm; keep one line each.
        cl.addSubcommand("affinity", new org.tandem.engine.affinity.AffinityCommand());
        cl.addSubcommand("assign", new org.tandem.engine.assign.AssignCommand());
        cl.addSubcommand("select", new org.tandem.engine.select.SelectCommand());
        cl.addSubcommand("conflicts", new org.tandem.engine.conflict.ConflictsCommand());
        cl.addSubcommand("index", new org.tandem.engine.index.IndexCommand());
        cl.addSubcommand("meetings", new org.tandem.engine.meetings.MeetingsCommand());
        // picocli's default for a usage error is 2, which is also our "bad input" code.
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
