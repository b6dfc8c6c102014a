package org.tandem.platform.validation;

/**
 * Someone else changed the object since the caller read it; nothing was overwritten. The API
 * answers 412 (the caller's If-Match no longer holds); pages show what changed.
 */
public class StaleVersionException extends ConflictException {

    private final long currentVersion;

    public StaleVersionException(long currentVersion) {
        super("STALE_VERSION");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
