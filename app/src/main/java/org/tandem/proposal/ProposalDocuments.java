package org.tandem.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.i18n.MoneyFormat;
import org.tandem.platform.pdf.PdfDocuments;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * The proposal as one PDF for its reviewers, to read offline or beside the review form. Names
 * of team members are part of the proposal (experts judge the team); nothing about other
 * reviewers is in it.
 */
@Service
public class ProposalDocuments {

    private final Proposals proposals;
    private final Calls calls;
    private final Programmes programmes;
    private final PdfDocuments pdf;
    private final MessageSource messages;

    ProposalDocuments(Proposals proposals, Calls calls, Programmes programmes, PdfDocuments pdf, MessageSource messages) {
        this.proposals = proposals;
        this.calls = calls;
        this.programmes = programmes;
        this.pdf = pdf;
        this.messages = messages;
    }

    /** The reviewer's copy; the caller (the review module) has checked the reader may have it. */
    @Transactional(readOnly = true)
    public byte[] forReviewer(long proposalId, Locale locale) {
        Proposal p = proposals.forReviewer(proposalId);
        Call call = calls.get(p.getCallId());
        Programme programme = programmes.get(call.getProgrammeId());
        List<PdfDocuments.Line> lines = new ArrayList<>();
        lines.add(line("proposal.receipt.proposal", ProposalReference.of(programme, call, proposalId), locale));
        lines.add(line("proposal.field.title", p.getTitle(), locale));
        lines.add(line("proposal.field.abstract", p.getAbstractText(), locale));
        lines.add(line("proposal.field.keywords", String.join(", ", p.keywordList()), locale));
        lines.add(line("proposal.field.durationMonths", p.getDurationMonths() == null ? "" : String.valueOf(p.getDurationMonths()),
                locale));
        for (Team t : p.getTeams()) {
            Party party = programme.party(t.getPartyId()).orElseThrow();
            String country = new Locale("", party.getCountryCode()).getDisplayCountry(locale);
            StringBuilder team = new StringBuilder();
            team.append(nz(t.getPiName())).append(" — ").append(nz(t.getHostOrganisation()));
            if (!t.memberList().isEmpty()) {
                team.append("\n").append(String.join(", ", t.memberList()));
            }
            for (BudgetLine b : t.getBudget()) {
                team.append("\n").append(messages.getMessage("proposal.budget.year", null, locale)).append(' ').append(b.year())
                        .append(" · ").append(BudgetCategories.label(b.category(), messages, locale)).append(": ")
                        .append(MoneyFormat.format(b.amount(), party.getCurrency(), locale));
            }
            lines.add(new PdfDocuments.Line(messages.getMessage("proposal.pdf.team", new Object[] {country}, locale),
                    team.toString()));
        }
        lines.add(line("proposal.field.workPlan", p.getWorkPlan(), locale));
        return pdf.simple(p.getAcronym() + " — " + call.getTitle().in(locale), lines,
                messages.getMessage("proposal.pdf.confidential", null, locale));
    }

    private PdfDocuments.Line line(String key, String value, Locale locale) {
        return new PdfDocuments.Line(messages.getMessage(key, null, locale), nz(value));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
