package org.tandem.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.programme.AnnualPlan;
import org.tandem.programme.Party;
import org.tandem.programme.PlanBudget;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;

/**
 * A programme's projects at a glance, per party and calendar year: money committed in contracts'
 * tranches, paid, and reported spent in accepted reports, against the year's annual plan; projects
 * by status, outputs, and what is overdue. Sums of amounts only: no report's text or financial
 * notes, so every party's officers and the analysts may read all parties' figures.
 */
@Service
public class ProjectDashboard {

    /** One party's money in one calendar year, in the party's currency. */
    public record Year(int year, BigDecimal planned, BigDecimal committed, BigDecimal paid, BigDecimal spent) {
    }

    public record PartyMoney(String partyCode, String countryCode, String currency, List<Year> years) {
        public BigDecimal total(java.util.function.Function<Year, BigDecimal> of) {
            return years.stream().map(of).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record Board(Programme programme, Map<String, Long> byStatus, List<PartyMoney> money,
                        Map<String, Long> outputsByKind, long jointPublications, Map<String, Long> patentsByStatus,
                        Map<String, Long> trainedByDegree, Map<String, Long> trainedByGender, long overdueReports,
                        long lateItems) {
    }

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Projects projects;
    private final ReportSchedule schedule;
    private final WorkPlan workPlan;

    ProjectDashboard(JdbcClient jdbc, Programmes programmes, Projects projects, ReportSchedule schedule,
                     WorkPlan workPlan) {
        this.workPlan = workPlan;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.projects = projects;
        this.schedule = schedule;
    }

    static boolean mayRead(Programme programme, TandemUser user) {
        return user != null && (user.has(Role.ANALYST) || user.has(Role.ADMINISTRATOR)
                || !user.officerParties(programme.getId()).isEmpty());
    }

    @Transactional(readOnly = true)
    public Board board(long programmeId, TandemUser user) {
        Programme programme = programmes.get(programmeId);
        if (!mayRead(programme, user)) {
            throw new NotAllowedException("the programme's officers and analysts read its dashboard");
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : ProjectWorkflow.PROJECT.states()) {
            byStatus.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from project where programme_id = ? group by status").param(programmeId)
                .query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();

        List<PartyMoney> money = new ArrayList<>();
        for (Party party : programme.getParties()) {
            Map<Integer, BigDecimal[]> years = new TreeMap<>();
            java.util.function.Function<Integer, BigDecimal[]> at = y -> years.computeIfAbsent(y,
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            for (AnnualPlan plan : programmes.plans(programmeId)) {
                for (PlanBudget b : plan.getBudgets()) {
                    if (party.getId().equals(b.partyId())) {
                        at.apply(plan.getYear())[0] = at.apply(plan.getYear())[0].add(b.amount());
                    }
                }
            }
            jdbc.sql("""
                    select t.year, sum(t.amount) from project_tranche t join project p on p.id = t.project_id
                    where p.programme_id = ? and t.party_id = ? group by t.year""").params(programmeId, party.getId())
                    .query((rs, i) -> at.apply(rs.getInt(1))[1] = at.apply(rs.getInt(1))[1].add(rs.getBigDecimal(2)))
                    .list();
            jdbc.sql("""
                    select extract(year from pay.paid_on)::int, sum(pay.amount) from project_payment pay
                    join project_tranche t on t.id = pay.tranche_id join project p on p.id = t.project_id
                    where p.programme_id = ? and t.party_id = ? group by 1""").params(programmeId, party.getId())
                    .query((rs, i) -> at.apply(rs.getInt(1))[2] = at.apply(rs.getInt(1))[2].add(rs.getBigDecimal(2)))
                    .list();
            // Spending is reported per project year; the contract's start year places it in the calendar.
            jdbc.sql("""
                    select extract(year from c.start_date)::int + s.year - 1, sum(s.amount)
                    from project_report r
                    join project_report_spending s on s.report_id = r.id and s.number = r.current_version
                    join project_contract c on c.project_id = r.project_id and c.party_id = r.party_id
                    join project p on p.id = r.project_id
                    where p.programme_id = ? and r.party_id = ? and r.status = ? group by 1""")
                    .params(programmeId, party.getId(), ProjectWorkflow.ACCEPTED)
                    .query((rs, i) -> at.apply(rs.getInt(1))[3] = at.apply(rs.getInt(1))[3].add(rs.getBigDecimal(2)))
                    .list();
            List<Year> rows = new ArrayList<>();
            years.forEach((y, v) -> rows.add(new Year(y, v[0], v[1], v[2], v[3])));
            money.add(new PartyMoney(party.getCode(), party.getCountryCode(), party.getCurrency(), rows));
        }

        Map<String, Long> byKind = new LinkedHashMap<>();
        Outputs.KINDS.forEach(k -> byKind.put(k, 0L));
        jdbc.sql("""
                select o.kind, count(*) from project_output o join project p on p.id = o.project_id
                where p.programme_id = ? group by o.kind""").param(programmeId)
                .query((rs, i) -> byKind.put(rs.getString(1), rs.getLong(2))).list();
        long joint = jdbc.sql("""
                select count(*) from project_output o join project p on p.id = o.project_id
                where p.programme_id = ? and o.kind = 'PUBLICATION' and o.joint""").param(programmeId)
                .query(Long.class).single();
        Map<String, Long> patents = counts(programmeId, "patent_status", "PATENT");
        Map<String, Long> degrees = counts(programmeId, "degree", "TRAINING");
        Map<String, Long> genders = counts(programmeId, "gender", "TRAINING");

        List<Project> all = projects.ofProgramme(programmeId);
        long overdue = schedule.dues(all).values().stream().flatMap(List::stream).filter(ReportSchedule.Due::overdue)
                .count();
        long late = workPlan.items(all).values().stream().flatMap(List::stream).filter(WorkPlan.Item::late).count();
        return new Board(programme, byStatus, money, byKind, joint, patents, degrees, genders, overdue, late);
    }

    private Map<String, Long> counts(long programmeId, String column, String kind) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql("select o." + column + ", count(*) from project_output o join project p on p.id = o.project_id "
                        + "where p.programme_id = ? and o.kind = ? and o." + column + " is not null group by 1")
                .params(programmeId, kind).query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** Years with any figure, for the chart's axis. */
    static List<Integer> years(Board b) {
        TreeSet<Integer> all = new TreeSet<>();
        b.money().forEach(m -> m.years().forEach(y -> all.add(y.year())));
        return new ArrayList<>(all);
    }
}
