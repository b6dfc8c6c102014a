package org.tandem.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the free-text work plan of the funded proposal into milestones and deliverables, once
 * per project. Applicants write "WP1 (months 1–12): methods and data. WP2: …" or one item per
 * line; whatever the plan says about months and teams is kept, the rest officers fill in.
 */
@Component
class WorkPlanSeeds {

    /** Where a new item starts: a work package, milestone or deliverable label such as WP2, M3, D1.4. */
    private static final Pattern LABEL = Pattern.compile("(?=\\b(?:WP|MS|M|D|Milestone|Deliverable)\\s?\\d+(?:\\.\\d+)?\\b)");
    private static final Pattern DELIVERABLE = Pattern.compile("^(?:D\\s?\\d|Deliverable\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_RANGE = Pattern.compile("(?i)(?:months?|tháng|месяц\\S*)\\s*(\\d{1,3})\\s*[-–—]\\s*(\\d{1,3})");
    private static final Pattern MONTH = Pattern.compile("(?i)(?:months?|tháng|месяц\\S*)\\s*(\\d{1,3})");

    record Item(String kind, String title, String partyCode, Integer dueMonth) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkPlanSeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the project's items from its work plan unless that was done before; safe to repeat. */
    @Transactional
    public void seed(long projectId) {
        boolean first = jdbc.sql("""
                insert into project_work_plan (project_id, seeded_at) values (?, ?) on conflict (project_id) do nothing""")
                .params(projectId, Timestamp.from(clock.instant())).update() == 1;
        if (!first) {
            return;
        }
        var row = jdbc.sql("select work_plan, duration_months from project where id = ?").param(projectId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2)}).single();
        Map<String, Long> parties = new java.util.LinkedHashMap<>();
        jdbc.sql("select party_code, party_id from project_party where project_id = ? order by position").param(projectId)
                .query((rs, i) -> parties.put(rs.getString(1), rs.getLong(2))).list();
        List<Item> items = parse((String) row[0], (Integer) row[1], List.copyOf(parties.keySet()));
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            jdbc.sql("""
                    insert into project_work_item (project_id, position, kind, title, party_id, due_month, status, updated_by,
                        updated_at) values (?, ?, ?, ?, ?, ?, ?, 'system', ?)""")
                    .params(projectId, i + 1, it.kind(), it.title(), it.partyCode() == null ? null : parties.get(it.partyCode()),
                            it.dueMonth(), WorkPlan.OPEN, now)
                    .update();
        }
    }

    /**
     * The items of a work plan. An item without a month of its own is placed by its order: the
     * proposal form asks for the work in sequence, so the k-th of n such items ends k/n of the
     * way through the project.
     */
    static List<Item> parse(String plan, Integer durationMonths, List<String> partyCodes) {
        if (plan == null || plan.isBlank()) {
            return List.of();
        }
        List<String> pieces = new ArrayList<>();
        for (String line : plan.split("\\R")) {
            for (String piece : LABEL.split(line)) {
                String t = piece.strip().replaceAll("[\\s.;,]+$", "");
                if (t.length() > 1) {
                    pieces.add(t.length() > 500 ? t.substring(0, 500) : t);
                }
            }
        }
        int duration = durationMonths == null || durationMonths < 1 ? 12 : durationMonths;
        long unplaced = pieces.stream().filter(p -> month(p) == null).count();
        List<Item> items = new ArrayList<>();
        int k = 0;
        for (String p : pieces) {
            Integer month = month(p);
            if (month == null) {
                k++;
                month = (int) Math.ceil(duration * (double) k / unplaced);
            }
            month = Math.max(1, Math.min(month, duration));
            String kind = DELIVERABLE.matcher(p).find() ? WorkPlan.DELIVERABLE : WorkPlan.MILESTONE;
            List<String> named = partyCodes.stream().filter(c -> Pattern.compile("\\b" + Pattern.quote(c) + "\\b").matcher(p).find())
                    .toList();
            items.add(new Item(kind, p, named.size() == 1 ? named.get(0) : null, month));
        }
        return items;
    }

    /** The month an item ends in: the end of a range ("months 1–12"), or a single month ("month 6"). */
    static Integer month(String text) {
        Matcher range = MONTH_RANGE.matcher(text);
        if (range.find()) {
            return Integer.valueOf(range.group(2));
        }
        Matcher one = MONTH.matcher(text);
        if (one.find()) {
            return Integer.valueOf(one.group(1));
        }
        return null;
    }
}
