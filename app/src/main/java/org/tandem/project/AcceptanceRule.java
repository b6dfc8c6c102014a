package org.tandem.project;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The grading rule of an acceptance council (nghiệm thu), as DOMAIN §2 states it: each promised
 * product is graded Excellent / Satisfactory / Unsatisfactory on quantity, volume and quality,
 * and the task is <em>Satisfactory</em> overall only when
 * <ol>
 *   <li>every product's <b>quality</b> criterion is at least Satisfactory, and</li>
 *   <li>at least <b>3/4 of all quantity and volume criteria</b> (two per product, counted over
 *       all products together) are at least Satisfactory;</li>
 * </ol>
 * otherwise it is <em>Unsatisfactory</em>. The source defines no overall "Excellent", so Tandem
 * does not invent one: the overall result is Satisfactory or Unsatisfactory.
 * <p>
 * The source grades per product, not per council member. A council has several members, so
 * Tandem first takes the council's grade of each product on each criterion as the median of the
 * members' grades, the worse middle grade when their number is even: a criterion counts as met
 * only when at least half of the members say so. That choice is Tandem's and is documented in
 * {@code docs/project-acceptance.md}.
 * <p>
 * Pure Java, no Spring: every branch is unit-tested in {@code AcceptanceRuleTests}.
 */
public final class AcceptanceRule {

    /** Ordered best first, so a smaller ordinal is a better grade. */
    public enum Grade {
        EXCELLENT, SATISFACTORY, UNSATISFACTORY;

        public boolean atLeastSatisfactory() {
            return this != UNSATISFACTORY;
        }
    }

    public enum Criterion { QUANTITY, VOLUME, QUALITY }

    public enum Overall { SATISFACTORY, UNSATISFACTORY }

    /** One promised product with every member's grades: member → criterion → grade. */
    public record ProductGrades(String product, List<Map<Criterion, Grade>> byMember) {
        public ProductGrades {
            byMember = List.copyOf(byMember);
        }
    }

    /** The council's grade of one product on each criterion, and what it contributes to the rule. */
    public record ProductResult(String product, Map<Criterion, Grade> council, boolean qualityMet, int quantityVolumeMet) {
    }

    /** Why the result is what it is: a message code and its arguments, in the order they fired. */
    public record Why(String code, List<Object> args) {
    }

    public record Result(Overall overall, List<ProductResult> products, int qualityMet, int qualityTotal,
                         int quantityVolumeMet, int quantityVolumeTotal, int quantityVolumeNeeded, List<Why> why) {
        public boolean satisfactory() {
            return overall == Overall.SATISFACTORY;
        }
    }

    private AcceptanceRule() {
    }

    /**
     * The council's grade from its members' grades on one criterion: the median, the worse of
     * the two middle grades when the number is even.
     */
    public static Grade councilGrade(List<Grade> members) {
        if (members == null || members.isEmpty() || members.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("every member grades every criterion");
        }
        List<Grade> sorted = new ArrayList<>(members);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** The smallest number of met quantity/volume criteria out of {@code total} that is at least 3/4 of them. */
    public static int quantityVolumeNeeded(int total) {
        return (3 * total + 3) / 4;
    }

    public static Result evaluate(List<ProductGrades> products) {
        if (products == null || products.isEmpty()) {
            throw new IllegalArgumentException("a council grades at least one product");
        }
        List<ProductResult> results = new ArrayList<>();
        List<String> poorQuality = new ArrayList<>();
        int qualityMet = 0;
        int qvMet = 0;
        for (ProductGrades p : products) {
            Map<Criterion, Grade> council = new EnumMap<>(Criterion.class);
            for (Criterion c : Criterion.values()) {
                council.put(c, councilGrade(p.byMember().stream().map(m -> m.get(c)).toList()));
            }
            boolean quality = council.get(Criterion.QUALITY).atLeastSatisfactory();
            int qv = (council.get(Criterion.QUANTITY).atLeastSatisfactory() ? 1 : 0)
                    + (council.get(Criterion.VOLUME).atLeastSatisfactory() ? 1 : 0);
            if (quality) {
                qualityMet++;
            } else {
                poorQuality.add(p.product());
            }
            qvMet += qv;
            results.add(new ProductResult(p.product(), Map.copyOf(council), quality, qv));
        }
        int qvTotal = 2 * products.size();
        int needed = quantityVolumeNeeded(qvTotal);
        boolean qualityOk = poorQuality.isEmpty();
        boolean shareOk = qvMet >= needed;
        List<Why> why = new ArrayList<>();
        if (qualityOk && shareOk) {
            why.add(new Why("project.acceptance.why.satisfactory", List.of(qualityMet, qvMet, qvTotal, needed)));
        }
        if (!qualityOk) {
            why.add(new Why("project.acceptance.why.quality", List.of(String.join("; ", poorQuality))));
        }
        if (!shareOk) {
            why.add(new Why("project.acceptance.why.quantityVolume", List.of(qvMet, qvTotal, needed)));
        }
        return new Result(qualityOk && shareOk ? Overall.SATISFACTORY : Overall.UNSATISFACTORY, List.copyOf(results),
                qualityMet, products.size(), qvMet, qvTotal, needed, List.copyOf(why));
    }
}
