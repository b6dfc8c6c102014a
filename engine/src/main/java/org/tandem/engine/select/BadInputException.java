package org.tandem.engine.select;

/** Input the CLI refuses, located precisely so an agency can fix its file (exit code 2). */
public final class BadInputException extends Exception {

    private final String file;
    private final int line;
    private final String field;

    /** @param line 1-based physical line, 0 for the whole file; @param field column name, or null */
    public BadInputException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field != null ? ": field '" + field + "'" : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
