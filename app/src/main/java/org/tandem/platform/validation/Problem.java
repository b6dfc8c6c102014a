package org.tandem.platform.validation;

import java.util.List;

/**
 * One thing wrong with a user's input: the field it concerns (as named in the form or the API
 * body, e.g. {@code budgets[VN].amount}), a message key and its arguments. The message is
 * resolved in the reader's language where it is shown.
 */
public record Problem(String field, String code, List<Object> args) implements java.io.Serializable {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String field, String code, Object... args) {
        return new Problem(field, code, List.of(args));
    }
}
