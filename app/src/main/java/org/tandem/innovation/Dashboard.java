package org.tandem.innovation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.security.Role;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.project.Outputs;

/**
 * The Centre's results per party and year in the terms of the AUTM licensing survey:
 * <ul>
 * <li>invention disclosures: technology offers the Centre received or drafted that year;</li>
 * <li>patent applications: the projects' patents filed that year at the party's patent office;</li>
 * <li>licences and options: deals that reached a licence agreement that year, and the licence
 * income they name, per currency (amounts in different currencies are never added);</li>
 * <li>start-ups formed: start-ups of the party's cohorts that entered incubation that year;</li>
 * <li>deals by stage: where the deals opened that year stand now.</li>
 * </ul>
 * A profile counts for its owner's party ({@code party_code}: the project lead's party for an
 * offer drawn from a project, else the first country the owner named).
 */
@Service
public class Dashboard {

    public static final List<String> PARTIES = List.of("VN", "RU");
    /** How many years the charts show, the chosen one last. */
    public static final int SERIES_YEARS = 5;

    private final JdbcClient jdbc;
    private final Outputs outputs;
    private final Startups startups;

    Dashboard(JdbcClient jdbc, Outputs outputs, Startups startups) {
        this.jdbc = jdbc;
        this.outputs = outputs;
        this.startups = startups;
    }

    public record Figures(String party, int year, int disclosures, int patentApplications, int licences,
                          Map<String, BigDecimal> licenceIncome, int startupsFormed, Map<String, Integer> dealsByStage) {
    }

    private static void requireStaff(TandemUser user) {
        if (!user.has(Role.INNOVATION_STAFF)) {
            throw new NotAllowedException("innovation staff only");
        }
    }

    @Transactional(readOnly = true)
    public Figures figures(String party, int year, TandemUser staff) {
        requireStaff(staff);
        return figures(party, year, patentYears(party));
    }

    /** The figures of the {@link #SERIES_YEARS} years up to {@code year}, oldest first. */
    @Transactional(readOnly = true)
    public List<Figures> series(String party, int year, TandemUser staff) {
        requireStaff(staff);
        Map<Integer, Integer> patents = patentYears(party);
        List<Figures> out = new ArrayList<>();
        for (int y = year - SERIES_YEARS + 1; y <= year; y++) {
            out.add(figures(party, y, patents));
        }
        return out;
    }

    private Map<Integer, Integer> patentYears(String party) {
        Map<Integer, Integer> byYear = new LinkedHashMap<>();
        for (Outputs.Output o : outputs.ofKinds(List.of("PATENT"))) {
            if (o.applicationDate() != null && party.equals(o.patentOffice())) {
                byYear.merge(o.applicationDate().getYear(), 1, Integer::sum);
            }
        }
        return byYear;
    }

    private Figures figures(String party, int year, Map<Integer, Integer> patents) {
        int disclosures = jdbc.sql("""
                select count(*) from innovation_profile where type = 'TECHNOLOGY_OFFER' and party_code = ?
                and extract(year from created_at at time zone 'UTC') = ? and status <> ?""")
                .params(party, year, InnovationWorkflows.WITHDRAWN).query(Integer.class).single();
        record Licence(BigDecimal value, String currency) {
        }
        List<Licence> licences = jdbc.sql("""
                select d.value_amount, d.value_currency from innovation_deal d
                join innovation_profile p on p.id = d.profile_id
                join innovation_deal_stage s on s.deal_id = d.id and s.stage = ?
                where d.stage = ? and d.agreement_type = 'LICENCE' and p.party_code = ? and extract(year from s.on_date) = ?""")
                .params(InnovationWorkflows.AGREEMENT, InnovationWorkflows.AGREEMENT, party, year)
                .query((rs, i) -> new Licence(rs.getBigDecimal(1), rs.getString(2))).list();
        Map<String, BigDecimal> income = new LinkedHashMap<>();
        for (Licence l : licences) {
            if (l.value() != null && l.currency() != null) {
                income.merge(l.currency(), l.value(), BigDecimal::add);
            }
        }
        Map<String, Integer> byStage = new LinkedHashMap<>();
        InnovationWorkflows.PIPELINE.forEach(s -> byStage.put(s, 0));
        jdbc.sql("""
                select d.stage, count(*) from innovation_deal d join innovation_profile p on p.id = d.profile_id
                where p.party_code = ? and extract(year from d.created_at at time zone 'UTC') = ? group by d.stage""")
                .params(party, year).query((rs, i) -> byStage.put(rs.getString(1), rs.getInt(2))).list();
        return new Figures(party, year, disclosures, patents.getOrDefault(year, 0), licences.size(), income,
                startups.formed(party, year), byStage);
    }
}
