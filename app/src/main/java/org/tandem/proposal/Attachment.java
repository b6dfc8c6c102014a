package org.tandem.proposal;

import java.time.Instant;

/** A PDF attached to a proposal, identified for the receipt by its SHA-256. */
public record Attachment(long id, long proposalId, String fileName, long sizeBytes, String sha256, String storageKey,
                         Instant uploadedAt) {
}
