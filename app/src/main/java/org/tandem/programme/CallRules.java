package org.tandem.programme;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.tandem.platform.validation.Problems;

/**
 * What makes a call's content acceptable under its programme. Problem fields name the input
 * the way the API does ({@code title.vi}, {@code budgets[RU].currency}).
 */
final class CallRules {

    static final int MAX_DURATION_MONTHS = 120;
    /** What the call form's counters show; the server refuses more whatever the browser sent. */
    public static final int TITLE_MAX = 300;
    public static final int TEXT_MAX = 20_000;

    private static void tooLong(Problems p, String field, String labelKey, String value, int max) {
        int length = value == null ? 0 : value.strip().codePointCount(0, value.strip().length());
        if (length > max) {
            p.add(field, "validation.field.tooLong", new DefaultMessageSourceResolvable(new String[] {labelKey}, labelKey),
                    max, length);
        }
    }

    private CallRules() {
    }

    static Problems check(Programme programme, CallInput in) {
        Problems p = new Problems();
        if (!programme.coversYear(in.year())) {
            p.add("year", "call.year.outside", programme.getFirstYear(), programme.getLastYear());
        }
        for (String lang : programme.requiredLanguageList()) {
            p.require(in.title() != null && in.title().has(lang), "title." + lang, "validation.translation.missing",
                    language(lang));
            p.require(in.text() != null && in.text().has(lang), "text." + lang, "validation.translation.missing",
                    language(lang));
        }
        for (String lang : java.util.List.of("en", "vi", "ru")) {
            tooLong(p, "title." + lang, "call.title", in.title() == null ? null : in.title().get(lang),
                    TITLE_MAX);
            tooLong(p, "text." + lang, "call.text", in.text() == null ? null : in.text().get(lang),
                    TEXT_MAX);
        }
        p.require(in.opensAt() != null, "opensAt", "validation.required");
        p.require(in.closesAt() != null, "closesAt", "validation.required");
        if (in.opensAt() != null && in.closesAt() != null && !in.closesAt().isAfter(in.opensAt())) {
            p.add("closesAt", "call.closes.beforeOpen");
        }
        p.require(in.minDurationMonths() >= 1, "minDurationMonths", "validation.positive");
        p.require(in.maxDurationMonths() >= in.minDurationMonths(), "maxDurationMonths", "call.duration.range");
        p.require(in.maxDurationMonths() <= MAX_DURATION_MONTHS, "maxDurationMonths", "call.duration.max",
                MAX_DURATION_MONTHS);
        p.require(in.fieldCodes() != null && !in.fieldCodes().isEmpty(), "fieldCodes", "call.fields.required");
        if (in.fieldCodes() != null) {
            for (String f : in.fieldCodes()) {
                p.require(programme.hasField(f), "fieldCodes", "call.fields.unknown", f);
            }
        }
        checkBudgets(programme, in, p);
        return p;
    }

    /** Mirror funding: every party states its own money, in its own currency. */
    private static void checkBudgets(Programme programme, CallInput in, Problems p) {
        Set<Long> seen = new HashSet<>();
        for (CallBudget b : in.budgets()) {
            var party = b.partyId() == null ? null : programme.party(b.partyId()).orElse(null);
            if (party == null) {
                p.add("budgets", "call.budget.unknownParty", String.valueOf(b.partyId()));
                continue;
            }
            String f = "budgets[" + party.getCode() + "].";
            if (!seen.add(party.getId())) {
                p.add(f + "total", "call.budget.duplicate", new org.tandem.platform.i18n.CountryName(party.getCountryCode()));
            }
            if (b.currency() == null || !b.currency().equals(party.getCurrency())) {
                p.add(f + "currency", "call.budget.currency", new org.tandem.platform.i18n.CountryName(party.getCountryCode()), party.getCurrency(),
                        b.currency() == null ? "" : b.currency());
            }
            checkAmount(p, f + "total", b.total());
            checkAmount(p, f + "projectCap", b.projectCap());
            if (b.projectCap() != null && b.projectCap().signum() == 0) {
                p.add(f + "projectCap", "validation.positive");
            }
            if (b.total() != null && b.projectCap() != null && b.projectCap().compareTo(b.total()) > 0) {
                p.add(f + "projectCap", "call.budget.capAboveTotal");
            }
        }
        for (Party party : programme.getParties()) {
            if (!seen.contains(party.getId())) {
                p.add("budgets[" + party.getCode() + "].total", "call.budget.missing", new org.tandem.platform.i18n.CountryName(party.getCountryCode()));
            }
        }
    }

    static void checkAmount(Problems p, String field, BigDecimal amount) {
        if (amount == null) {
            p.add(field, "validation.required");
        } else if (amount.signum() < 0) {
            p.add(field, "validation.negative");
        } else if (amount.scale() > 2) {
            p.add(field, "validation.amount.scale");
        }
    }

    /** A language name resolved in the reader's language when the message is shown. */
    static DefaultMessageSourceResolvable language(String code) {
        return new DefaultMessageSourceResolvable("lang." + code);
    }
}
