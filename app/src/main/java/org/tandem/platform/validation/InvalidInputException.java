package org.tandem.platform.validation;

import java.util.List;

/** Input was refused; nothing was stored. Carries every problem found. */
public class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String code, Object... args) {
        return new InvalidInputException(List.of(Problem.of(field, code, args)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
