package org.tandem.platform.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Something a person should do, as their home page lists it.
 *
 * @param labelKey   message key of the sentence, e.g. "Review of {0} due"
 * @param args       its arguments, already in words (titles, acronyms), never codes
 * @param link       the local page where it is done
 * @param due        when it is due; null for what has no deadline
 * @param partyZones the parties' time zones the deadline is also shown in, so both sides read the same instant
 * @param severity   late, due soon, or for information
 */
public record Task(String labelKey, List<Object> args, String link, Instant due, List<String> partyZones,
                   Severity severity) {

    /** Within this of its deadline a task is "due" rather than just listed. */
    public static final Duration SOON = Duration.ofDays(7);

    /** Soonest first; what has no deadline after everything that has one. */
    public static final Comparator<Task> BY_DUE = Comparator.comparing(Task::due,
            Comparator.nullsLast(Comparator.naturalOrder()));

    public enum Severity {
        LATE, DUE, INFO;

        public String messageKey() {
            return "task.severity." + name();
        }
    }

    public Task {
        args = List.copyOf(args);
        partyZones = List.copyOf(partyZones);
    }

    /** A task with a deadline: late once passed, due within {@link #SOON}, otherwise for information. */
    public static Task dueAt(String labelKey, List<Object> args, String link, Instant due, List<String> partyZones,
                             Instant now) {
        Severity severity = due.isBefore(now) ? Severity.LATE
                : due.isBefore(now.plus(SOON)) ? Severity.DUE : Severity.INFO;
        return new Task(labelKey, args, link, due, partyZones, severity);
    }

    /** A task without a deadline (a request waiting for an answer). */
    public static Task undated(String labelKey, List<Object> args, String link) {
        return new Task(labelKey, args, link, null, List.of(), Severity.INFO);
    }

    public boolean late() {
        return severity == Severity.LATE;
    }

    /** The arguments as the message source takes them. */
    public Object[] argArray() {
        return args.toArray();
    }
}
