package org.tandem.platform.validation;

/** The action does not fit the object's current state (e.g. editing a published call). Answered with 409. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code) {
        super(code);
        this.code = code;
    }

    /** A stable code for the API and a message key ({@code error.<code>}) for people. */
    public String code() {
        return code;
    }
}
