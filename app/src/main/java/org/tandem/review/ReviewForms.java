package org.tandem.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.engine.score.Criterion;
import org.tandem.engine.score.ReviewForm;
import org.tandem.platform.audit.AuditTrail;
import org.tandem.platform.security.TandemUser;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problems;
import org.tandem.platform.validation.StaleVersionException;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.LocalizedText;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review form of a call: weighted criteria on one scale, thresholds per criterion and
 * overall, the due date and when reminders start. One form per call, so both parties' scores
 * can be compared side by side. Until an officer saves one, the Horizon Europe form applies.
 */
@Service
public class ReviewForms {

    public record FormCriterion(String code, LocalizedText name, double weight, Double threshold) {
    }

    public record Form(long callId, List<FormCriterion> criteria, double scaleMax, double step, Double overallThreshold,
                       Instant dueAt, int remindDays, boolean stored, long version) {

        public ReviewForm engine() {
            return new ReviewForm(criteria.stream().map(c -> new Criterion(c.code(), c.weight(), c.threshold())).toList(),
                    scaleMax, step, overallThreshold);
        }

        /** The scores an expert can choose, lowest first (0, 0.5, … 5). */
        public List<Double> choices() {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i * step <= scaleMax + 1e-9; i++) {
                out.add(Math.round(i * step * 100) / 100.0);
            }
            return out;
        }
    }

    /** The form as typed: criteria rows may be blank (ignored). */
    public record Input(List<CriterionInput> criteria, String scaleMax, String step, String overallThreshold,
                        Instant dueAt, String remindDays, long version) {
    }

    public record CriterionInput(String code, String nameEn, String nameVi, String nameRu, String weight, String threshold) {
        boolean blank() {
            return isBlank(code) && isBlank(nameEn) && isBlank(nameVi) && isBlank(nameRu) && isBlank(weight)
                    && isBlank(threshold);
        }
    }

    private final JdbcClient jdbc;
    private final Calls calls;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    ReviewForms(JdbcClient jdbc, Calls calls, AuditTrail audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Horizon Europe: three equal criteria, threshold 3 each and 10 of 15 overall (3.33 as a mean). */
    public static List<FormCriterion> horizonEurope() {
        return List.of(
                new FormCriterion("excellence", new LocalizedText("Excellence", "Tính xuất sắc", "Научное превосходство"), 1, 3.0),
                new FormCriterion("impact", new LocalizedText("Impact", "Tác động", "Влияние"), 1, 3.0),
                new FormCriterion("implementation", new LocalizedText("Quality and efficiency of the implementation",
                        "Chất lượng và hiệu quả thực hiện", "Качество и эффективность реализации"), 1, 3.0));
    }

    @Transactional(readOnly = true)
    public Form of(long callId) {
        return jdbc.sql("select * from review_form where call_id = ?").param(callId).query((rs, i) -> {
            List<Map<String, Object>> rows = json.readValue(rs.getString("criteria"), new TypeReference<>() {
            });
            List<FormCriterion> criteria = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                @SuppressWarnings("unchecked")
                Map<String, String> name = (Map<String, String>) r.get("name");
                Object t = r.get("threshold");
                criteria.add(new FormCriterion((String) r.get("code"), LocalizedText.of(name),
                        ((Number) r.get("weight")).doubleValue(), t == null ? null : ((Number) t).doubleValue()));
            }
            BigDecimal overall = rs.getBigDecimal("overall_threshold");
            Timestamp due = rs.getTimestamp("due_at");
            return new Form(callId, criteria, rs.getDouble("scale_max"), rs.getDouble("step"),
                    overall == null ? null : overall.doubleValue(), due == null ? null : due.toInstant(),
                    rs.getInt("remind_days"), true, rs.getLong("version"));
        }).optional().orElseGet(() -> new Form(callId, horizonEurope(), 5, 0.5, 10.0 / 3, null, 3, false, 0));
    }

    /**
     * Saves the form. Any officer of the call's programme may; once a review has been submitted
     * the criteria and scale are frozen (scores given on one form must not be read on another),
     * while the due date and reminders can still move.
     */
    @Transactional
    public Form save(long callId, Input in, TandemUser officer) {
        Call call = calls.get(callId);
        if (officer.officerParties(call.getProgrammeId()).isEmpty()) {
            throw new NotAllowedException("not an officer of the call's programme");
        }
        Form before = of(callId);
        if (before.version() != in.version()) {
            throw new StaleVersionException(before.version());
        }
        Problems problems = new Problems();
        Double scaleMax = number(in.scaleMax(), "scaleMax", problems);
        Double step = number(in.step(), "step", problems);
        if (scaleMax != null && (scaleMax <= 0 || scaleMax > 100)) {
            problems.add("scaleMax", "reviewForm.scaleMax.range");
        }
        if (step != null && scaleMax != null && (step <= 0 || step > scaleMax || Math.abs(scaleMax / step
                - Math.rint(scaleMax / step)) > 1e-9)) {
            problems.add("step", "reviewForm.step.divides");
        }
        Double overall = isBlank(in.overallThreshold()) ? null : number(in.overallThreshold(), "overallThreshold", problems);
        if (overall != null && scaleMax != null && (overall < 0 || overall > scaleMax)) {
            problems.add("overallThreshold", "reviewForm.threshold.range", scaleMax);
        }
        Integer remind = null;
        try {
            remind = Integer.parseInt(in.remindDays() == null ? "" : in.remindDays().trim());
            if (remind < 0 || remind > 60) {
                problems.add("remindDays", "reviewForm.remindDays.range");
            }
        } catch (NumberFormatException e) {
            problems.add("remindDays", "validation.number");
        }
        if (in.dueAt() != null && in.dueAt().isBefore(call.getClosesAt())) {
            problems.add("dueAt", "reviewForm.dueAt.beforeClose");
        }
        List<FormCriterion> criteria = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < in.criteria().size(); i++) {
            CriterionInput c = in.criteria().get(i);
            if (c.blank()) {
                continue;
            }
            String field = "criteria[" + i + "]";
            String code = c.code() == null ? "" : c.code().trim();
            if (!code.matches("[a-z][a-z0-9_-]{0,29}")) {
                problems.add(field + ".code", "reviewForm.code.format");
            } else if (!codes.add(code)) {
                problems.add(field + ".code", "reviewForm.code.duplicate", code);
            }
            if (isBlank(c.nameEn()) || isBlank(c.nameVi()) || isBlank(c.nameRu())) {
                problems.add(field + ".name", "reviewForm.name.required");
            }
            Double weight = number(c.weight(), field + ".weight", problems);
            if (weight != null && (weight <= 0 || weight > 100)) {
                problems.add(field + ".weight", "reviewForm.weight.range");
            }
            Double threshold = isBlank(c.threshold()) ? null : number(c.threshold(), field + ".threshold", problems);
            if (threshold != null && scaleMax != null && (threshold < 0 || threshold > scaleMax)) {
                problems.add(field + ".threshold", "reviewForm.threshold.range", scaleMax);
            }
            criteria.add(new FormCriterion(code, new LocalizedText(c.nameEn(), c.nameVi(), c.nameRu()),
                    weight == null ? 1 : weight, threshold));
        }
        if (criteria.isEmpty()) {
            problems.add("criteria", "reviewForm.criteria.required");
        }
        problems.throwIfAny();
        boolean changesScoring = !sameScoring(before, criteria, scaleMax, step, overall);
        if (changesScoring && submittedReviews(callId) > 0) {
            throw InvalidInputException.of("criteria", "reviewForm.frozen");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FormCriterion c : criteria) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", c.code());
            r.put("weight", c.weight());
            r.put("threshold", c.threshold());
            r.put("name", c.name().asMap());
            rows.add(r);
        }
        String criteriaJson = json.writeValueAsString(rows);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp due = in.dueAt() == null ? null : Timestamp.from(in.dueAt());
        jdbc.sql("""
                insert into review_form (call_id, criteria, scale_max, step, overall_threshold, due_at, remind_days, updated_by,
                    updated_at) values (?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
                on conflict (call_id) do update set criteria = excluded.criteria, scale_max = excluded.scale_max,
                    step = excluded.step, overall_threshold = excluded.overall_threshold, due_at = excluded.due_at,
                    remind_days = excluded.remind_days, updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                    version = review_form.version + 1""")
                .params(callId, criteriaJson, scaleMax, step, overall, due, remind, officer.getUsername(), now).update();
        Form after = of(callId);
        audit.record(officer.getUsername(), "Call", callId, "review-form", summary(before), summary(after));
        return after;
    }

    private int submittedReviews(long callId) {
        return jdbc.sql("select count(*) from review where call_id = ? and status = 'SUBMITTED'").param(callId)
                .query(Integer.class).single();
    }

    private static boolean sameScoring(Form before, List<FormCriterion> criteria, Double scaleMax, Double step, Double overall) {
        if (before.criteria().size() != criteria.size() || before.scaleMax() != scaleMax || before.step() != step
                || !java.util.Objects.equals(before.overallThreshold(), overall)) {
            return false;
        }
        for (int i = 0; i < criteria.size(); i++) {
            FormCriterion a = before.criteria().get(i);
            FormCriterion b = criteria.get(i);
            if (!a.code().equals(b.code()) || a.weight() != b.weight() || !java.util.Objects.equals(a.threshold(), b.threshold())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> summary(Form f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("criteria", f.criteria().stream().map(c -> c.code() + " w" + c.weight() + " t" + c.threshold()).toList());
        m.put("scale", f.scaleMax() + "/" + f.step());
        m.put("overallThreshold", f.overallThreshold());
        m.put("dueAt", f.dueAt() == null ? null : f.dueAt().toString());
        m.put("remindDays", f.remindDays());
        return m;
    }

    private static Double number(String text, String field, Problems problems) {
        if (isBlank(text)) {
            problems.add(field, "validation.required");
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim().replace(',', '.'));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(field, "validation.number");
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
