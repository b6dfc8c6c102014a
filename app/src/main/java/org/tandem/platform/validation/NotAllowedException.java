package org.tandem.platform.validation;

/** The signed-in user may not do this (wrong role, wrong party). Answered with 403. */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String what) {
        super(what);
    }
}
