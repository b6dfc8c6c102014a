package org.tandem.engine.assign;

/**
 * The caller's stop signal ended an assignment before it had a result. Nothing half-done is
 * returned: a stopped fair search has no proven bound and may not yet keep the total's minimum.
 */
public final class AssignmentCancelled extends RuntimeException {

    public AssignmentCancelled() {
        super("assignment stopped by its caller");
    }
}
