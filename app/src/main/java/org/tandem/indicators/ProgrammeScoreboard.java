package org.tandem.indicators;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.innovation.Deals;
import org.tandem.programme.AnnualPlan;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Party;
import org.tandem.programme.PlanBudget;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.project.Outputs;
import org.tandem.project.Project;
import org.tandem.project.Projects;
import org.tandem.proposal.Proposal;
import org.tandem.proposal.Proposals;
import org.tandem.proposal.Team;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;

/**
 * The programme's own scoreboard: what Tandem's data says the programme achieves, read only
 * through the other modules' published services — submitted proposals per call, field and
 * party, success rates (a proposal succeeded when a project was created from it), joint
 * publications and patents reported by projects, trained people by gender, budget committed to
 * projects against the annual plans, and the innovation deals by stage. The same figures can be
 * imported as an edition's indicators, with parties or calls as units.
 */
@Service
public class ProgrammeScoreboard {

    /** The scoreboard's indicators in iMeta order; {@code forCalls} says whether a call has it. */
    enum Measure {
        PROPOSALS("PARTICIPATION", true), FUNDED("PARTICIPATION", true), SUCCESS("PARTICIPATION", true),
        JOINT_PUBLICATIONS("RESULTS", true), PATENTS("RESULTS", true), BUDGET_EXECUTION("FUNDING", false);

        final String pillar;
        final boolean forCalls;

        Measure(String pillar, boolean forCalls) {
            this.pillar = pillar;
            this.forCalls = forCalls;
        }

        String code() {
            return "SB_" + name();
        }
    }

    /** One row of a table: submitted proposals, how many were funded, and what those projects reported. */
    public record Tally(String code, Names names, int proposals, int funded, int jointPublications, int patents,
                        BigDecimal planned, BigDecimal committed, String currency) {
        /** Funded share of the submitted proposals, null without any. */
        public Double successRate() {
            return proposals == 0 ? null : (double) funded / proposals;
        }

        /** Committed project budget as a share of the annual plans' budgets, null without a plan. */
        public Double budgetExecution() {
            return planned == null || planned.signum() == 0 ? null
                    : committed.doubleValue() / planned.doubleValue();
        }

        Double value(Measure m) {
            return switch (m) {
                case PROPOSALS -> (double) proposals;
                case FUNDED -> (double) funded;
                case SUCCESS -> successRate() == null ? null : 100 * successRate();
                case JOINT_PUBLICATIONS -> (double) jointPublications;
                case PATENTS -> (double) patents;
                case BUDGET_EXECUTION -> budgetExecution() == null ? null : 100 * budgetExecution();
            };
        }
    }

    /** Planned and committed budget of one party in one year, in the party's currency. */
    public record YearBudget(String party, int year, BigDecimal planned, BigDecimal committed, String currency) {
        public Double execution() {
            return planned == null || planned.signum() == 0 ? null : committed.doubleValue() / planned.doubleValue();
        }
    }

    public record Board(Programme programme, List<Programme> programmes, List<Tally> parties, List<Tally> calls,
                        List<Tally> fields, List<YearBudget> budgets, Map<String, Long> outputsByKind,
                        Map<String, Long> trainedByGender, Map<String, Long> dealsByStage,
                        Map<String, Long> startupsByParty) {
        public Tally total() {
            return new Tally("ALL", null, calls.stream().mapToInt(Tally::proposals).sum(),
                    calls.stream().mapToInt(Tally::funded).sum(), calls.stream().mapToInt(Tally::jointPublications).sum(),
                    calls.stream().mapToInt(Tally::patents).sum(), null, BigDecimal.ZERO, null);
        }
    }

    private final Programmes programmes;
    private final Calls calls;
    private final Proposals proposals;
    private final Projects projects;
    private final Outputs outputs;
    private final Deals deals;
    private final org.tandem.innovation.Startups startups;
    private final Indicators indicators;
    private final MessageSource texts;

    ProgrammeScoreboard(Programmes programmes, Calls calls, Proposals proposals, Projects projects, Outputs outputs,
                        Deals deals, org.tandem.innovation.Startups startups, Indicators indicators,
                        MessageSource texts) {
        this.texts = texts;
        this.programmes = programmes;
        this.calls = calls;
        this.proposals = proposals;
        this.projects = projects;
        this.outputs = outputs;
        this.deals = deals;
        this.startups = startups;
        this.indicators = indicators;
    }

    /** The board of one programme (the one running now when none is named); analysts only. */
    public Board board(Long programmeId, TandemUser user) {
        Indicators.requireAnalyst(user);
        List<Programme> all = programmes.all();
        if (all.isEmpty()) {
            return null;
        }
        Programme programme = programmeId == null
                ? programmes.current(java.time.Year.now(java.time.ZoneOffset.UTC).getValue()).orElseThrow()
                : all.stream().filter(p -> p.getId().equals(programmeId)).findFirst()
                        .orElseThrow(() -> new org.tandem.platform.validation.NotFoundException("programme"));
        long pid = programme.getId();

        List<Project> funded = projects.ofProgramme(pid);
        Map<Long, Project> projectOfProposal = new HashMap<>();
        funded.forEach(p -> projectOfProposal.put(p.proposalId(), p));
        Map<Long, int[]> outputsOfProject = new HashMap<>(); // {joint publications, patents}
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> byGender = new TreeMap<>();
        Set<Long> ours = new HashSet<>();
        funded.forEach(p -> ours.add(p.id()));
        for (Outputs.Tally t : outputs.tallies()) {
            if (!ours.contains(t.projectId())) {
                continue;
            }
            byKind.merge(t.kind(), t.count(), Long::sum);
            int[] o = outputsOfProject.computeIfAbsent(t.projectId(), k -> new int[2]);
            if (t.kind().equals("PUBLICATION") && t.joint()) {
                o[0] += (int) t.count();
            } else if (t.kind().equals("PATENT")) {
                o[1] += (int) t.count();
            }
            if (t.gender() != null && !t.gender().isBlank()) {
                byGender.merge(t.gender(), t.count(), Long::sum);
            }
        }

        Map<String, Names> fieldNames = new HashMap<>();
        programmes.fosFields().forEach(f -> fieldNames.put(f.getCode(), names(f.getName())));
        Map<Long, Acc> parties = new LinkedHashMap<>();
        for (Party party : programme.getParties()) {
            parties.put(party.getId(), new Acc(party.getCode(), new Names(party.getCode() + " — " + party.getAgency().get("en"),
                    party.getCode() + " — " + party.getAgency().get("vi"), party.getCode() + " — " + party.getAgency().get("ru")),
                    party.getCurrency()));
        }
        Map<String, Acc> fields = new TreeMap<>();
        List<Tally> callRows = new ArrayList<>();
        Map<Long, Integer> callYear = new HashMap<>();
        for (Call call : calls.ofProgramme(pid)) {
            callYear.put(call.getId(), call.getYear());
            Acc c = new Acc("C" + call.getId(), names(call.getTitle()), null);
            for (Proposal p : proposals.submittedOf(call.getId())) {
                Project project = projectOfProposal.get(p.getId());
                int[] o = project == null ? new int[2] : outputsOfProject.getOrDefault(project.id(), new int[2]);
                c.add(project != null, o);
                for (String f : p.fieldList()) {
                    fields.computeIfAbsent(f, k -> new Acc(k, fieldNames.getOrDefault(k, new Names(k, k, k)), null))
                            .add(project != null, o);
                }
                for (Team t : p.getTeams()) {
                    Acc a = parties.get(t.getPartyId());
                    if (a != null) {
                        a.add(project != null, o);
                    }
                }
            }
            callRows.add(c.tally());
        }

        // Budget: each project part's whole budget counts against its party's plan for the call's year.
        Map<String, YearBudget> budgets = new TreeMap<>();
        for (AnnualPlan plan : programmes.plans(pid)) {
            for (PlanBudget b : plan.getBudgets()) {
                Acc a = parties.get(b.partyId());
                if (a == null) {
                    continue;
                }
                a.planned = a.planned.add(b.amount());
                budgets.put(a.code + ":" + plan.getYear(), new YearBudget(a.code, plan.getYear(), b.amount(), BigDecimal.ZERO,
                        b.currency()));
            }
        }
        for (Project p : funded) {
            Integer year = callYear.get(p.callId());
            for (Project.Part part : p.parties()) {
                Acc a = parties.get(part.partyId());
                if (a == null) {
                    continue;
                }
                a.committed = a.committed.add(part.budgetTotal());
                String key = a.code + ":" + year;
                YearBudget y = budgets.getOrDefault(key, new YearBudget(a.code, year == null ? 0 : year, null,
                        BigDecimal.ZERO, part.currency()));
                budgets.put(key, new YearBudget(y.party(), y.year(), y.planned(), y.committed().add(part.budgetTotal()),
                        y.currency()));
            }
        }
        return new Board(programme, all, parties.values().stream().map(Acc::tally).toList(), callRows,
                fields.values().stream().map(Acc::tally).toList(), new ArrayList<>(budgets.values()), byKind, byGender,
                deals.countByStage(), startupsFormed(programme));
    }

    /** Start-ups the Innovation Centre's cohorts formed per party in the programme's years. */
    private Map<String, Long> startupsFormed(Programme programme) {
        Map<String, Long> formed = new LinkedHashMap<>();
        for (var party : programme.getParties()) {
            long n = 0;
            for (int year = programme.getFirstYear(); year <= programme.getLastYear(); year++) {
                n += startups.formed(party.getCode(), year);
            }
            formed.put(party.getCountryCode(), n);
        }
        return formed;
    }

    private static final class Acc {
        final String code;
        final Names names;
        final String currency;
        int proposals;
        int funded;
        int joint;
        int patents;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;

        Acc(String code, Names names, String currency) {
            this.code = code;
            this.names = names;
            this.currency = currency;
        }

        void add(boolean wasFunded, int[] outputs) {
            proposals++;
            if (wasFunded) {
                funded++;
                joint += outputs[0];
                patents += outputs[1];
            }
        }

        Tally tally() {
            return new Tally(code, names, proposals, funded, joint, patents, currency == null ? null : planned, committed,
                    currency);
        }
    }

    private static Names names(org.tandem.programme.LocalizedText t) {
        return t == null ? new Names("", null, null) : new Names(t.get("en"), t.get("vi"), t.get("ru"));
    }

    // --- as an edition's indicators -----------------------------------------------------------------

    public enum UnitKind { PARTIES, CALLS }

    /**
     * Writes the scoreboard as COINr tables (the indicators in pillars Participation, Results and,
     * for parties, Funding) and imports them into the edition through the ordinary import, so the
     * same checks apply and an error stores nothing. The units are registered under the parties'
     * or calls' names in the three languages.
     */
    @Transactional
    public void importInto(long editionId, Long programmeId, UnitKind kind, TandemUser user) {
        Indicators.requireAnalyst(user);
        Board b = board(programmeId, user);
        List<Tally> rows = b == null ? List.of() : kind == UnitKind.PARTIES ? b.parties() : b.calls();
        if (rows.size() < 2) {
            throw InvalidInputException.of("units", "indicators.scoreboard.tooFewUnits", 2);
        }
        List<Measure> measures = java.util.Arrays.stream(Measure.values()).filter(m -> kind == UnitKind.PARTIES || m.forCalls)
                .toList();
        String prefix = b.programme().getCode() + "-";
        StringBuilder meta = new StringBuilder("Level,iCode,iName,iName_vi,iName_ru,Direction,Weight,Unit,Source,Parent,Type\n");
        for (Measure m : measures) {
            meta.append("1,").append(m.code()).append(',').append(csv(label(m, "en"))).append(',').append(csv(label(m, "vi")))
                    .append(',').append(csv(label(m, "ru"))).append(",1,1,").append(m == Measure.SUCCESS
                            || m == Measure.BUDGET_EXECUTION ? "%" : "count").append(",Tandem,SB_").append(m.pillar)
                    .append(",Indicator\n");
        }
        for (String pillar : measures.stream().map(m -> m.pillar).distinct().toList()) {
            meta.append("2,SB_").append(pillar).append(',').append(csv(label(pillar, "en"))).append(',')
                    .append(csv(label(pillar, "vi"))).append(',').append(csv(label(pillar, "ru")))
                    .append(",,1,,,SB_INDEX,Aggregate\n");
        }
        meta.append("3,SB_INDEX,").append(csv(label("INDEX", "en"))).append(',').append(csv(label("INDEX", "vi"))).append(',')
                .append(csv(label("INDEX", "ru"))).append(",,1,,,,Aggregate\n");
        StringBuilder data = new StringBuilder("uCode,uName");
        measures.forEach(m -> data.append(',').append(m.code()));
        data.append('\n');
        for (Tally t : rows) {
            String code = (prefix + t.code()).toUpperCase(Locale.ROOT);
            code = code.length() > 40 ? code.substring(0, 40) : code;
            indicators.defineUnit(code, kind == UnitKind.PARTIES ? "PARTY" : "CALL", t.names());
            data.append(code).append(',').append(csv(t.names().en()));
            for (Measure m : measures) {
                Double v = t.value(m);
                data.append(',').append(v == null ? "" : Double.toString(v));
            }
            data.append('\n');
        }
        try {
            indicators.importCsv(editionId, stream(meta.toString()), stream(data.toString()), user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indicator and pillar names travel in iMeta, so they are taken from the message bundles' three languages. */
    private String label(Object key, String language) {
        return texts.getMessage("indicators.scoreboard.measure." + key, null, Locale.forLanguageTag(language));
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
