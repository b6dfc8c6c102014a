package org.tandem.platform.validation;

/** Answered with 404; also used where telling "exists but hidden" would leak information. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
