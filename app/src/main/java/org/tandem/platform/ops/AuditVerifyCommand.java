package org.tandem.platform.ops;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.audit.AuditChain;

/** {@code audit verify}: 0 when the chain is intact, 1 naming the first altered or missing record. */
final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    static int run(TandemSettings settings, PrintStream out) {
        try (OpsDatabase db = OpsDatabase.forReading(settings); Connection c = db.connect()) {
            AuditChain.Verification v = AuditChain.verify(c);
            if (v.intact()) {
                out.println("Audit trail intact: " + v.records() + " records; last hash " + v.lastHash()
                        + (v.pending() > 0 ? "; " + v.pending() + " recent records waiting to be linked" : ""));
                return 0;
            }
            out.println("Audit trail BROKEN at record " + v.firstBrokenSeq() + ": " + v.problem());
            out.println("(" + v.records() + " records before it are intact; last good hash " + v.lastHash() + ")");
            return 1;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("could not read the audit trail: " + e.getMessage(), e);
        }
    }
}
