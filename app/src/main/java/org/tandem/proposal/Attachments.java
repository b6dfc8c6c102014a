package org.tandem.proposal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.platform.Hashes;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.files.FileStore;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;

/** PDF attachments of proposals: checked, hashed, stored through the {@link FileStore}. */
@Service
public class Attachments {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final JdbcClient jdbc;
    private final AttachmentRows rows;
    private final FileStore files;
    private final Proposals proposals;
    private final Calls calls;
    private final AuditTrail audit;
    private final Clock clock;

    Attachments(JdbcClient jdbc, AttachmentRows rows, FileStore files, Proposals proposals, Calls calls, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.files = files;
        this.proposals = proposals;
        this.calls = calls;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Attachment upload(long proposalId, String fileName, byte[] bytes, TandemUser user) {
        Proposal p = proposals.get(proposalId, user);
        if (!p.isMember(user.id())) {
            throw new NotAllowedException("only the teams attach files");
        }
        Call call = calls.get(p.getCallId());
        proposals.requireEditable(p, call);
        String name = fileName == null || fileName.isBlank() ? "attachment.pdf"
                : fileName.replaceAll("[\\\\/]", "_").strip();
        long limit = call.getMaxAttachmentMb() * 1024L * 1024L;
        if (bytes.length > limit) {
            throw InvalidInputException.of("file", "attachment.tooLarge", name, call.getMaxAttachmentMb());
        }
        // The content decides, not the name or the browser's claimed type.
        if (bytes.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, PDF_MAGIC.length), PDF_MAGIC)) {
            throw InvalidInputException.of("file", "attachment.notPdf", name);
        }
        String key = files.put(bytes);
        // If the transaction rolls back, the stored bytes must not linger unreferenced.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(key);
                }
            }
        });
        String sha = Hashes.sha256(bytes);
        long id = jdbc.sql("""
                insert into proposal_attachment (proposal_id, file_name, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(proposalId, name, (long) bytes.length, sha, key, user.id(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        proposals.touch(proposalId);
        audit.record(user.getUsername(), Proposals.AUDIT_TYPE, proposalId, "attach", null,
                Map.of("file", name, "sha256", sha, "bytes", bytes.length));
        return rows.of(proposalId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void delete(long proposalId, long attachmentId, TandemUser user) {
        Proposal p = proposals.get(proposalId, user);
        if (!p.isMember(user.id())) {
            throw new NotAllowedException("only the teams remove files");
        }
        proposals.requireEditable(p, calls.get(p.getCallId()));
        Attachment a = rows.of(proposalId).stream().filter(x -> x.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment"));
        // The file itself stays: a submitted version may refer to it by its hash.
        jdbc.sql("delete from proposal_attachment where id = ?").param(attachmentId).update();
        proposals.touch(proposalId);
        audit.record(user.getUsername(), Proposals.AUDIT_TYPE, proposalId, "detach",
                Map.of("file", a.fileName(), "sha256", a.sha256()), null);
    }

    @Transactional(readOnly = true)
    public List<Attachment> list(long proposalId, TandemUser user) {
        return rows.of(proposals.get(proposalId, user).getId());
    }

    /** The attachments as reviewers read them; the review module has decided the reader is one. */
    @Transactional(readOnly = true)
    public List<Attachment> forReviewer(long proposalId) {
        return rows.of(proposals.forReviewer(proposalId).getId());
    }

    @Transactional(readOnly = true)
    public InputStream openForReviewer(long proposalId, long attachmentId) {
        Attachment a = forReviewer(proposalId).stream().filter(x -> x.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment"));
        return files.get(a.storageKey());
    }

    @Transactional(readOnly = true)
    public InputStream open(long proposalId, long attachmentId, TandemUser user) {
        Attachment a = list(proposalId, user).stream().filter(x -> x.id() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment"));
        return files.get(a.storageKey());
    }
}
