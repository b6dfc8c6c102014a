package org.tandem.platform.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.tandem.platform.TandemSettings;

/**
 * Operations commands of the same jar: {@code backup --to DIR}, {@code restore --from DIR} and
 * {@code audit verify}. They read the same settings as the server (application.properties,
 * {@code TANDEM_*} environment variables, {@code --tandem.x=y} arguments) but start no web server,
 * no migrations of a live database and no scheduled work.
 *
 * <p>Exit codes: 0 done; 1 the audit trail is broken; 2 refused (bad arguments, a non-empty
 * target, a backup whose sums do not match), with a message saying why.
 */
public final class Operations {

    private static final Set<String> COMMANDS = Set.of("backup", "restore", "audit");

    private Operations() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Thrown for a refusal: exit code 2 and the message, nothing changed. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Only the settings: not a @Configuration, so neither the server's scan nor test lookups find it. */
    @EnableConfigurationProperties(TandemSettings.class)
    static class Settings {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        Path to = null;
        Path from = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--to") || a.equals("--from")) {
                if (i + 1 >= args.length) {
                    err.println(a + " needs a directory");
                    return 2;
                }
                Path p = Path.of(args[++i]);
                if (a.equals("--to")) {
                    to = p;
                } else {
                    from = p;
                }
            } else if (a.startsWith("--to=")) {
                to = Path.of(a.substring(5));
            } else if (a.startsWith("--from=")) {
                from = Path.of(a.substring(7));
            } else if (a.startsWith("--")) {
                springArgs.add(a);
            } else {
                words.add(a);
            }
        }
        String command = String.join(" ", words);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false).properties(Map.of("logging.level.root", "WARN",
                        "logging.level.org.tandem", "WARN", "spring.main.register-shutdown-hook", "false"))
                .run(springArgs.toArray(String[]::new))) {
            TandemSettings settings = ctx.getBean(TandemSettings.class);
            switch (command) {
                case "audit verify":
                    return AuditVerifyCommand.run(settings, out);
                case "backup":
                    if (to == null) {
                        err.println("usage: backup --to DIR");
                        return 2;
                    }
                    BackupCommand.backup(settings, to, out);
                    return 0;
                case "restore":
                    if (from == null) {
                        err.println("usage: restore --from DIR");
                        return 2;
                    }
                    RestoreCommand.restore(settings, from, out);
                    return 0;
                default:
                    err.println("unknown command '" + command + "'; commands: backup --to DIR, restore --from DIR, audit verify");
                    return 2;
            }
        } catch (Refused e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
