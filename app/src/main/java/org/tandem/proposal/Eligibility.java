package org.tandem.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tandem.programme.Call;
import org.tandem.programme.CallBudget;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;

/** Evaluates a call's rules on a proposal as it stands, so applicants see them while writing. */
final class Eligibility {

    private Eligibility() {
    }

    /** @param overrides reason by (rule, party id or 0 for common rules) */
    static List<EligibilityCheck> evaluate(Proposal p, Call call, Programme programme, int attachments,
                                           Map<String, String> overrides) {
        List<EligibilityCheck> checks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (p.getAcronym() == null) missing.add("acronym");
        if (p.getTitle() == null) missing.add("title");
        if (p.getAbstractText() == null) missing.add("abstract");
        if (p.keywordList().isEmpty()) missing.add("keywords");
        if (p.fieldList().isEmpty()) missing.add("fields");
        if (p.getDurationMonths() == null) missing.add("durationMonths");
        if (p.getWorkPlan() == null) missing.add("workPlan");
        checks.add(check(EligibilityRule.REQUIRED_SECTIONS, null, missing.isEmpty(),
                "eligibility.REQUIRED_SECTIONS", List.of(String.join(", ", missing)), overrides));

        checks.add(check(EligibilityRule.ATTACHMENT_PRESENT, null, attachments > 0, "eligibility.ATTACHMENT_PRESENT",
                List.of(), overrides));

        List<String> outside = p.fieldList().stream().filter(f -> !call.getFieldCodes().contains(f)).toList();
        checks.add(check(EligibilityRule.FIELDS_IN_CALL, null, outside.isEmpty() && !p.fieldList().isEmpty(),
                "eligibility.FIELDS_IN_CALL", List.of(String.join(", ", call.getFieldCodes())), overrides));

        Integer d = p.getDurationMonths();
        checks.add(check(EligibilityRule.DURATION_IN_RANGE, null,
                d != null && d >= call.getMinDurationMonths() && d <= call.getMaxDurationMonths(),
                "eligibility.DURATION_IN_RANGE", List.of(call.getMinDurationMonths(), call.getMaxDurationMonths()),
                overrides));

        for (Party party : programme.getParties()) {
            Team team = p.teamOf(party.getId()).orElse(null);
            boolean complete = team != null && team.getPiUserId() != null && team.getHostOrganisation() != null;
            checks.add(check(EligibilityRule.TEAM_COMPLETE, party, complete, "eligibility.TEAM_COMPLETE",
                    List.of(party.getCode()), overrides));

            BigDecimal cap = call.budgetOf(party.getId()).map(CallBudget::projectCap).orElse(BigDecimal.ZERO);
            BigDecimal total = team == null ? BigDecimal.ZERO : team.budgetTotal();
            checks.add(check(EligibilityRule.BUDGET_WITHIN_CAP, party,
                    total.signum() > 0 && total.compareTo(cap) <= 0, "eligibility.BUDGET_WITHIN_CAP",
                    List.of(party.getCode(), total.toPlainString(), cap.toPlainString(), party.getCurrency()), overrides));
        }
        return checks;
    }

    static String overrideKey(EligibilityRule rule, long partyId) {
        return rule.name() + ":" + partyId;
    }

    private static EligibilityCheck check(EligibilityRule rule, Party party, boolean passed, String code,
                                          List<Object> args, Map<String, String> overrides) {
        String reason = passed ? null : overrides.get(overrideKey(rule, party == null ? 0 : party.getId()));
        return new EligibilityCheck(rule, party == null ? null : party.getCode(), passed, code, args, reason);
    }
}
