package org.tandem.proposal;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.tandem.platform.i18n.Localizable;
import org.tandem.platform.i18n.Money;

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

    /** What the rules need to know beyond the proposal itself. */
    interface Facts {
        int attachments();

        boolean doctorate(long userId);

        /** Proposals (not withdrawn) in the call whose team this user leads. */
        int proposalsLed(long userId);
    }

    /**
     * @param overrides reason by (rule, party id or 0 for common rules)
     * @param settings  the call's choice of rules; rules switched off are not checked at all
     */
    static List<EligibilityCheck> evaluate(Proposal p, Call call, Programme programme, Facts facts,
                                           Map<String, String> overrides, Map<String, EligibilityConfig.Setting> settings) {
        List<EligibilityCheck> all = evaluateAll(p, call, programme, facts, overrides, settings);
        return all.stream().filter(c -> {
            long party = c.party() == null ? 0 : programme.partyByCode(c.party()).map(Party::getId).orElse(0L);
            return EligibilityConfig.setting(settings, c.rule(), party).enabled();
        }).toList();
    }

    private static List<EligibilityCheck> evaluateAll(Proposal p, Call call, Programme programme, Facts facts,
                                                      Map<String, String> overrides,
                                                      Map<String, EligibilityConfig.Setting> settings) {
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
                "eligibility.REQUIRED_SECTIONS", List.of(sectionNames(missing)), overrides));

        checks.add(check(EligibilityRule.ATTACHMENT_PRESENT, null, facts.attachments() > 0, "eligibility.ATTACHMENT_PRESENT",
                List.of(), overrides));

        List<String> outside = p.fieldList().stream().filter(f -> !call.getFieldCodes().contains(f)).toList();
        checks.add(check(EligibilityRule.FIELDS_IN_CALL, null, outside.isEmpty() && !p.fieldList().isEmpty(),
                "eligibility.FIELDS_IN_CALL", List.of(Localizable.joined(programme.getPriorityFields().stream()
                        .filter(f -> call.getFieldCodes().contains(f.getCode())).map(f -> f.getName()).toList())),
                overrides));

        Integer d = p.getDurationMonths();
        checks.add(check(EligibilityRule.DURATION_IN_RANGE, null,
                d != null && d >= call.getMinDurationMonths() && d <= call.getMaxDurationMonths(),
                "eligibility.DURATION_IN_RANGE", List.of(call.getMinDurationMonths(), call.getMaxDurationMonths()),
                overrides));

        for (Party party : programme.getParties()) {
            Team team = p.teamOf(party.getId()).orElse(null);
            boolean complete = team != null && team.getPiUserId() != null && team.getHostOrganisation() != null;
            checks.add(check(EligibilityRule.TEAM_COMPLETE, party, complete, "eligibility.TEAM_COMPLETE",
                    List.of(new org.tandem.platform.i18n.CountryName(party.getCountryCode())), overrides));

            BigDecimal cap = call.budgetOf(party.getId()).map(CallBudget::projectCap).orElse(BigDecimal.ZERO);
            BigDecimal total = team == null ? BigDecimal.ZERO : team.budgetTotal();
            checks.add(check(EligibilityRule.BUDGET_WITHIN_CAP, party,
                    total.signum() > 0 && total.compareTo(cap) <= 0, "eligibility.BUDGET_WITHIN_CAP",
                    List.of(new org.tandem.platform.i18n.CountryName(party.getCountryCode()), new Money(total, party.getCurrency()), new Money(cap, party.getCurrency()),
                            party.getCurrency()), overrides));

            Long pi = team == null ? null : team.getPiUserId();
            checks.add(check(EligibilityRule.PI_DOCTORATE, party, pi != null && facts.doctorate(pi),
                    "eligibility.PI_DOCTORATE", List.of(new org.tandem.platform.i18n.CountryName(party.getCountryCode())), overrides));
            int max = EligibilityConfig.setting(settings, EligibilityRule.PROPOSALS_PER_PI, party.getId()).param() == null ? 1
                    : EligibilityConfig.setting(settings, EligibilityRule.PROPOSALS_PER_PI, party.getId()).param();
            checks.add(check(EligibilityRule.PROPOSALS_PER_PI, party, pi == null || facts.proposalsLed(pi) <= max,
                    "eligibility.PROPOSALS_PER_PI", List.of(new org.tandem.platform.i18n.CountryName(party.getCountryCode()), max), overrides));
            String[] national = national(p, party.getCountryCode());
            checks.add(check(EligibilityRule.NATIONAL_VERSION, party, national == null
                            || (national[0] != null && national[1] != null),
                    "eligibility.NATIONAL_VERSION", List.of(new org.tandem.platform.i18n.CountryName(party.getCountryCode())), overrides));
        }
        return checks;
    }

    /** The sections' names as the form labels them, in the reader's language (never "workPlan"). */
    private static Localizable.Joined sectionNames(List<String> sections) {
        return Localizable.joined(sections.stream()
                .map(s -> new DefaultMessageSourceResolvable(new String[] {"proposal.field." + s}, s)).toList());
    }

    /** Title and abstract in the party's national language, or null when the proposal has no such fields. */
    private static String[] national(Proposal p, String country) {
        return switch (country) {
            case "VN" -> new String[] {p.getTitleVi(), p.getAbstractVi()};
            case "RU" -> new String[] {p.getTitleRu(), p.getAbstractRu()};
            default -> null;
        };
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
