package org.tandem.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tandem.programme.Party;
import org.tandem.programme.Programme;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content a receipt's SHA-256 is computed over: compact UTF-8 JSON with keys in sorted
 * order and teams in party order, without anything that is not part of the proposal (ids of
 * rows, edit versions, a team's internal notes). Anyone holding the submitted content can
 * recompute the hash.
 */
final class CanonicalContent {

    private CanonicalContent() {
    }

    static String json(Proposal p, Programme programme, List<String> attachmentHashes, JsonMapper mapper) {
        Map<String, Object> m = new TreeMap<>();
        m.put("proposalId", p.getId());
        m.put("callId", p.getCallId());
        m.put("acronym", p.getAcronym());
        m.put("title", p.getTitle());
        m.put("abstract", p.getAbstractText());
        m.put("keywords", p.keywordList());
        m.put("fields", p.fieldList());
        m.put("durationMonths", p.getDurationMonths());
        m.put("workPlan", p.getWorkPlan());
        m.put("titleVi", p.getTitleVi());
        m.put("titleRu", p.getTitleRu());
        m.put("abstractVi", p.getAbstractVi());
        m.put("abstractRu", p.getAbstractRu());
        List<Object> teams = new ArrayList<>();
        for (Party party : programme.getParties()) {
            p.teamOf(party.getId()).ifPresent(t -> {
                Map<String, Object> tm = new TreeMap<>();
                tm.put("party", party.getCode());
                tm.put("currency", party.getCurrency());
                tm.put("hostOrganisation", t.getHostOrganisation());
                tm.put("piName", t.getPiName());
                tm.put("piEmail", t.getPiEmail());
                tm.put("members", t.memberList());
                List<Object> lines = new ArrayList<>();
                for (BudgetLine b : t.getBudget()) {
                    Map<String, Object> bm = new TreeMap<>();
                    bm.put("year", b.year());
                    bm.put("category", b.category());
                    bm.put("amount", b.amount().toPlainString());
                    lines.add(bm);
                }
                tm.put("budget", lines);
                teams.add(tm);
            });
        }
        m.put("teams", teams);
        m.put("attachments", attachmentHashes);
        return mapper.writeValueAsString(m);
    }
}
