package org.tandem.engine.affinity;

/** Bad input, located precisely enough for an agency to fix its file: file, line and field. */
public final class InputFormatException extends Exception {

    private final String file;
    private final long line;
    private final String field;

    public InputFormatException(String file, long line, String field, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (field != null ? ": field '" + field + "'" : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
