package org.tandem.engine.conflict;

/** Input the command refuses, located precisely so the user can fix the file. */
public final class BadInputException extends Exception {

    public BadInputException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
    }
}
