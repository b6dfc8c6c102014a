package org.tandem.engine.io;

import java.nio.file.Path;

/**
 * Input a command refuses (exit code 2, nothing written), located so the user can fix the file:
 * the file, the 1-based line (0 when the problem is the whole file), the column or field (null
 * when none applies) and what is wrong. One type for every reader of the engine, so every command
 * reports bad input the same way: {@code FILE:LINE: COLUMN: MESSAGE}.
 */
public class BadInputException extends RuntimeException {

    private final String file;
    private final long line;
    private final String column;
    private final String problem;

    public BadInputException(String file, long line, String column, String message) {
        super(file + (line > 0 ? ":" + line : "") + (column != null ? ": " + column : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = message;
    }

    public BadInputException(Path file, long line, String column, String message) {
        this(file.toString(), line, column, message);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** Column (CSV) or field (JSON) name, or null. */
    public String column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
