package org.tandem.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.NotFoundException;
import org.tandem.platform.validation.Problems;

/** Programmes, their annual plans and the decade view. */
@Service
public class Programmes {

    public static final String PLAN_AUDIT_TYPE = "AnnualPlan";

    private final ProgrammeRepository programmes;
    private final AnnualPlanRepository plans;
    private final CallRepository calls;
    private final FosFieldRepository fos;
    private final AuditTrail audit;

    Programmes(ProgrammeRepository programmes, AnnualPlanRepository plans, CallRepository calls,
               FosFieldRepository fos, AuditTrail audit) {
        this.programmes = programmes;
        this.plans = plans;
        this.calls = calls;
        this.fos = fos;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Programme> all() {
        return programmes.findAllByOrderByFirstYearAscIdAsc();
    }

    /**
     * The programme a reader means when none is named: the one running this year (the latest
     * started if several), else the latest; empty when there is none.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Programme> current(int year) {
        List<Programme> all = all();
        return all.stream().filter(p -> p.getFirstYear() <= year && year <= p.getLastYear())
                .reduce((a, b) -> b).or(() -> all.stream().reduce((a, b) -> b));
    }

    @Transactional(readOnly = true)
    public Programme get(long id) {
        return programmes.findById(id).orElseThrow(() -> new NotFoundException("programme " + id));
    }

    @Transactional(readOnly = true)
    public Optional<Programme> byCode(String code) {
        return programmes.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<FosField> fosFields() {
        return fos.findAllByOrderByCode();
    }

    @Transactional
    public Programme create(Programme programme, String actor) {
        Programme saved = programmes.saveAndFlush(programme);
        audit.record(actor, "Programme", saved.getId(), "create", null,
                Map.of("code", saved.getCode(), "name", saved.getName().asMap(),
                        "years", saved.getFirstYear() + "-" + saved.getLastYear(),
                        "parties", saved.getParties().stream().map(Party::getCode).toList()));
        return saved;
    }

    @Transactional(readOnly = true)
    public List<AnnualPlan> plans(long programmeId) {
        return plans.findByProgrammeIdOrderByYear(programmeId);
    }

    @Transactional(readOnly = true)
    public Optional<AnnualPlan> plan(long programmeId, int year) {
        return plans.findByProgrammeIdAndYear(programmeId, year);
    }

    /**
     * Creates or changes one year's plan. An officer may change only their own party's budget:
     * the other parties' rows must come back as they were.
     *
     * @param expectedVersion null when the plan is new or the caller does not track versions
     */
    @Transactional
    public AnnualPlan savePlan(long programmeId, int year, Long expectedVersion, PlanInput in, TandemUser user,
                               boolean asSystem) {
        Programme programme = get(programmeId);
        if (!asSystem) {
            Calls.requireOfficer(user, programme);
        }
        AnnualPlan plan = plans.findByProgrammeIdAndYear(programmeId, year)
                .orElseGet(() -> new AnnualPlan(programmeId, year));
        if (expectedVersion != null && plan.getId() != null && plan.getVersion() != expectedVersion) {
            throw new org.tandem.platform.validation.StaleVersionException(plan.getVersion());
        }
        Problems p = new Problems();
        if (!programme.coversYear(year)) {
            p.add("year", "call.year.outside", programme.getFirstYear(), programme.getLastYear());
        }
        p.require(in.targetProjects() >= 0, "targetProjects", "validation.negative");
        if (in.plannedOpen() != null && in.plannedClose() != null && !in.plannedClose().isAfter(in.plannedOpen())) {
            p.add("plannedClose", "call.closes.beforeOpen");
        }
        for (String f : in.fieldCodes()) {
            p.require(programme.hasField(f), "fieldCodes", "call.fields.unknown", f);
        }
        Set<Long> seen = new HashSet<>();
        for (PlanBudget b : in.budgets()) {
            Party party = b.partyId() == null ? null : programme.party(b.partyId()).orElse(null);
            if (party == null) {
                p.add("budgets", "call.budget.unknownParty", String.valueOf(b.partyId()));
                continue;
            }
            seen.add(party.getId());
            String f = "budgets[" + party.getCode() + "].";
            if (!party.getCurrency().equals(b.currency())) {
                p.add(f + "currency", "call.budget.currency", new org.tandem.platform.i18n.CountryName(party.getCountryCode()), party.getCurrency(),
                        b.currency() == null ? "" : b.currency());
            }
            CallRules.checkAmount(p, f + "amount", b.amount());
            boolean changed = plan.budgetOf(party.getId()).map(old -> b.amount() == null
                    || old.amount().compareTo(b.amount()) != 0).orElse(true);
            if (!asSystem && changed && !user.has(Role.PROGRAMME_OFFICER, programmeId, party.getId())) {
                p.add(f + "amount", "plan.budget.notYourParty", new org.tandem.platform.i18n.CountryName(party.getCountryCode()));
            }
        }
        for (Party party : programme.getParties()) {
            p.require(seen.contains(party.getId()), "budgets[" + party.getCode() + "].amount",
                    "call.budget.missing", new org.tandem.platform.i18n.CountryName(party.getCountryCode()));
        }
        p.throwIfAny();
        Map<String, Object> before = plan.getId() == null ? null : plan.auditState();
        plan.update(in.targetProjects(), in.plannedOpen(), in.plannedClose(), in.budgets(), in.fieldCodes());
        AnnualPlan saved = plans.saveAndFlush(plan);
        audit.record(asSystem ? "system" : user.getUsername(), PLAN_AUDIT_TYPE, saved.getId(),
                before == null ? "create" : "update", before, saved.auditState());
        return saved;
    }

    /** Planned vs committed per year and party, for the decade page and its chart. */
    @Transactional(readOnly = true)
    public List<DecadeRow> decade(long programmeId) {
        Programme programme = get(programmeId);
        Map<Integer, AnnualPlan> byYear = new HashMap<>();
        plans.findByProgrammeIdOrderByYear(programmeId).forEach(pl -> byYear.put(pl.getYear(), pl));
        List<Call> published = calls.findByProgrammeIdOrderByOpensAtDesc(programmeId).stream()
                .filter(c -> c.getPhase() != CallPhase.DRAFT).toList();
        List<DecadeRow> rows = new ArrayList<>();
        for (int year : programme.years()) {
            Map<Long, BigDecimal> planned = new HashMap<>();
            Map<Long, BigDecimal> committed = new HashMap<>();
            AnnualPlan plan = byYear.get(year);
            if (plan != null) {
                plan.getBudgets().forEach(b -> planned.put(b.partyId(), b.amount()));
            }
            int n = 0;
            for (Call c : published) {
                if (c.getYear() == year) {
                    n++;
                    c.getBudgets().forEach(b -> committed.merge(b.partyId(), b.total(), BigDecimal::add));
                }
            }
            rows.add(new DecadeRow(year, plan == null ? 0 : plan.getTargetProjects(), planned, committed, n));
        }
        return rows;
    }
}
