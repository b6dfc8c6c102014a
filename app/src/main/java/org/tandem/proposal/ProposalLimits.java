package org.tandem.proposal;

import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.tandem.platform.validation.Problems;

/**
 * What a proposal's text may hold, checked by the server whatever the browser did: the
 * acronym and title are what every list shows (a proposal without them is a row nobody can
 * open), and each free text has a ceiling so a pasted thesis cannot swamp reviewers, PDFs and
 * the database. The form shows the same limits with a counter.
 */
public final class ProposalLimits {

    public static final int ACRONYM = 40;
    public static final int TITLE = 250;
    public static final int ABSTRACT = 5_000;
    public static final int WORK_PLAN = 20_000;
    public static final int KEYWORD = 100;
    public static final int KEYWORDS = 20;
    public static final int HOST_ORGANISATION = 300;
    public static final int MEMBERS = 5_000;
    public static final int INTERNAL_NOTES = 5_000;

    private ProposalLimits() {
    }

    static void check(ProposalContent c, Problems problems) {
        required(problems, "acronym", "proposal.field.acronym", c.acronym());
        required(problems, "title", "proposal.field.title", c.title());
        // The acronym's own message predates this class; keep it for the acronym.
        if (c.acronym() != null && c.acronym().strip().length() > ACRONYM) {
            problems.add("acronym", "proposal.acronym.long");
        }
        max(problems, "title", "proposal.field.title", c.title(), TITLE);
        max(problems, "titleVi", "proposal.field.titleVi", c.titleVi(), TITLE);
        max(problems, "titleRu", "proposal.field.titleRu", c.titleRu(), TITLE);
        max(problems, "abstract", "proposal.field.abstract", c.abstractText(), ABSTRACT);
        max(problems, "abstractVi", "proposal.field.abstractVi", c.abstractVi(), ABSTRACT);
        max(problems, "abstractRu", "proposal.field.abstractRu", c.abstractRu(), ABSTRACT);
        max(problems, "workPlan", "proposal.field.workPlan", c.workPlan(), WORK_PLAN);
        if (c.keywords() != null) {
            List<String> words = c.keywords().stream().filter(k -> k != null && !k.isBlank()).toList();
            if (words.size() > KEYWORDS) {
                problems.add("keywords", "validation.field.tooMany", label("proposal.field.keywords"), KEYWORDS, words.size());
            }
            words.stream().filter(k -> k.strip().length() > KEYWORD).findFirst().ifPresent(k ->
                    problems.add("keywords", "validation.field.tooLong", label("proposal.field.keywords"), KEYWORD,
                            k.strip().length()));
        }
        if (c.teams() != null) {
            for (TeamContent t : c.teams()) {
                String f = "teams[" + t.party() + "].";
                max(problems, f + "hostOrganisation", "proposal.field.hostOrganisation", t.hostOrganisation(),
                        HOST_ORGANISATION);
                max(problems, f + "members", "proposal.field.members",
                        t.members() == null ? null : String.join("\n", t.members()), MEMBERS);
                max(problems, f + "internalNotes", "proposal.field.internalNotes", t.internalNotes(), INTERNAL_NOTES);
            }
        }
    }

    private static void required(Problems problems, String field, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "validation.field.required", label(labelKey));
        }
    }

    private static void max(Problems problems, String field, String labelKey, String value, int limit) {
        // Characters as people count them (code points), not UTF-16 units: Vietnamese is mostly one each.
        int length = value == null ? 0 : value.strip().codePointCount(0, value.strip().length());
        if (length > limit) {
            problems.add(field, "validation.field.tooLong", label(labelKey), limit, length);
        }
    }

    /** The field's name, resolved in the reader's language wherever the message is shown. */
    private static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }
}
