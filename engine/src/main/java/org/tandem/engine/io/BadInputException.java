package org.tandem.engine.io;

import java.nio.file.Path;

/** Input the tool refuses: it names the file, the line (0 when not about a line) and the field. */
public class BadInputException extends RuntimeException {

    public BadInputException(Path file, int line, String field, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + field + ": " + message);
    }
}
