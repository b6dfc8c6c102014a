package org.tandem.proposal;

import java.time.Instant;

/** Proof of a submission: which version, the SHA-256 of its canonical content, and the server's time of receipt. */
public record Receipt(long proposalId, int version, String sha256, Instant submittedAt) {
}
