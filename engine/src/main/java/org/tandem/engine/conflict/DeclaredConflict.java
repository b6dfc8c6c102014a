package org.tandem.engine.conflict;

/**
 * A conflict somebody stated rather than one we detected; always binding, never second-guessed.
 *
 * @param byOfficer false when the expert declared it, true when a programme officer did
 * @param note      the stated reason, may be empty
 */
public record DeclaredConflict(String proposalId, boolean byOfficer, String note) {
}
