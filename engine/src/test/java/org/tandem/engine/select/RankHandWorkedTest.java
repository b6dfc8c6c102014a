package org.tandem.engine.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A call small enough to work by hand. Budgets: VN 10 bn VND, RU 10 mn RUB.
 * Quotas: MATH at least 1, AI at most 2.
 *
 * <pre>
 * id field merit  VN(bn) RU(mn)      share = VN/10 + RU/10
 * A  AI    9.0    3      2           0.5
 * B  AI    8.5    2      2           0.4
 * C  BIO   8.5    1      1           0.2   (ties B on merit, cheaper share → before B)
 * D  AI    8.0    1      1
 * E  BIO   7.5    4      3
 * F  MATH  6.0    2      2
 * G  MATH  5.0    1      0.50000025  (kopecks)
 * H  BIO   4.0    0.5    2.49999976
 * I  CHEM  3.0    2      3
 * </pre>
 * Rank order: A, C, B, D, E, F, G, H, I.
 */
class RankHandWorkedTest {

    static final BigDecimal BN = new BigDecimal("1000000000");
    static final BigDecimal MN = new BigDecimal("1000000");

    static Proposal p(String id, String field, String merit, String vnBn, String ruMn) {
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        costs.put("VN", new BigDecimal(vnBn).multiply(BN));
        costs.put("RU", new BigDecimal(ruMn).multiply(MN));
        return new Proposal(id, field, new BigDecimal(merit), costs);
    }

    static final List<Proposal> PROPOSALS = List.of(
            p("A", "AI", "9.0", "3", "2"),
            p("B", "AI", "8.5", "2", "2"),
            p("C", "BIO", "8.5", "1", "1"),
            p("D", "AI", "8.0", "1", "1"),
            p("E", "BIO", "7.5", "4", "3"),
            p("F", "MATH", "6.0", "2", "2"),
            p("G", "MATH", "5.0", "1", "0.50000025"),
            p("H", "BIO", "4.0", "0.5", "2.49999976"),
            p("I", "CHEM", "3.0", "2", "3"));
    static final List<Budget> BUDGETS = List.of(
            new Budget("VN", new BigDecimal("10").multiply(BN)), new Budget("RU", new BigDecimal("10").multiply(MN)));
    static final List<FieldQuota> QUOTAS = List.of(
            new FieldQuota("MATH", 1, FieldQuota.UNBOUNDED), new FieldQuota("AI", 0, 2));

    @Test
    void rankOrderBreaksMeritTiesByBudgetShare() {
        Map<String, BigDecimal> budgets = Map.of("VN", BUDGETS.get(0).amount(), "RU", BUDGETS.get(1).amount());
        assertThat(RankOrder.sort(PROPOSALS, budgets)).extracting(Proposal::id)
                .containsExactly("A", "C", "B", "D", "E", "F", "G", "H", "I");
    }

    @Test
    void rankMatchesTheHandWorkedFundingLine() {
        FundingResult r = FundingLine.compute(PROPOSALS, BUDGETS, QUOTAS, Policy.RANK);
        Map<String, String> verdict = r.decisions().stream()
                .collect(Collectors.toMap(Decision::proposalId, d -> d.funded() ? "funded" : d.reason()));

        // Pass 1 (minimums): only MATH is below its minimum; its best is F → funded. Left VN 8, RU 8.
        assertThat(verdict.get("F")).isEqualTo("funded");
        // Pass 2: A (3, 2) → left VN 5, RU 6.
        assertThat(verdict.get("A")).isEqualTo("funded");
        // C (1, 1) → left VN 4, RU 5.
        assertThat(verdict.get("C")).isEqualTo("funded");
        // B (2, 2) → left VN 2, RU 3; AI now has 2 = its maximum.
        assertThat(verdict.get("B")).isEqualTo("funded");
        // D would fit the money (1, 1) but AI is full.
        assertThat(verdict.get("D")).isEqualTo("quota:max:AI");
        // E needs VN 4 > 2 left; RU 3 ≤ 3 is fine → only VN stops it.
        assertThat(verdict.get("E")).isEqualTo("budget:VN");
        // G (1, 0.50000025) fits → left VN 1, RU 2.49999975 (exact, kopecks).
        assertThat(verdict.get("G")).isEqualTo("funded");
        // H needs RU 2.49999976 mn: one kopeck more than the 2.49999975 mn left; VN 0.5 ≤ 1 is fine.
        assertThat(verdict.get("H")).isEqualTo("budget:RU");
        // I needs VN 2 > 1 and RU 3 > 2.49999975: both stop it, parties sorted by code.
        assertThat(verdict.get("I")).isEqualTo("budget:RU+VN");

        assertThat(r.fundedCount()).isEqualTo(5);
        assertThat(r.totalMerit()).isEqualByComparingTo("37.0"); // 6 + 9 + 8.5 + 8.5 + 5
        assertThat(r.spent().get("VN")).isEqualByComparingTo("9000000000"); // 2+3+1+2+1 bn
        assertThat(r.spent().get("RU")).isEqualByComparingTo("7500000.25"); // 2+2+1+2+0.50000025 mn
        assertThat(r.optimal()).isFalse();
        assertThat(r.quotasMet()).isTrue();
        // Decisions come back in input order, whatever the rank order.
        assertThat(r.decisions()).extracting(Decision::proposalId)
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I");
    }

    @Test
    void optimalIsAtLeastRankOnTheSameCall() {
        FundingResult rank = FundingLine.compute(PROPOSALS, BUDGETS, QUOTAS, Policy.RANK);
        FundingResult opt = FundingLine.compute(PROPOSALS, BUDGETS, QUOTAS, Policy.OPTIMAL);
        assertThat(opt.optimal()).isTrue();
        assertThat(opt.totalMerit()).isGreaterThanOrEqualTo(rank.totalMerit());
        assertThat(opt.decisions()).allSatisfy(d -> assertThat(d.funded() == d.reason().isEmpty()).isTrue());
    }

    @Test
    void anEmptyCallFundsNothingUnderBothPolicies() {
        for (Policy policy : Policy.values()) {
            FundingResult r = FundingLine.compute(List.of(), BUDGETS, List.of(), policy);
            assertThat(r.fundedCount()).isZero();
            assertThat(r.totalMerit()).isEqualByComparingTo("0");
            assertThat(r.quotasMet()).isTrue();
        }
    }
}
