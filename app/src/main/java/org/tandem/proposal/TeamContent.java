package org.tandem.proposal;

import java.util.List;

/**
 * A team as an applicant writes it. {@code internalNotes} null means "leave as it is", so a
 * body read by the other party (which never contains our notes) does not erase them.
 */
public record TeamContent(String party, String hostOrganisation, String piName, String piEmail,
                          List<String> members, List<BudgetLine> budget, String internalNotes) {
}
