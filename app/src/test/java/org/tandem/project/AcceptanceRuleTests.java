package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.project.AcceptanceRule.Grade.EXCELLENT;
import static org.tandem.project.AcceptanceRule.Grade.SATISFACTORY;
import static org.tandem.project.AcceptanceRule.Grade.UNSATISFACTORY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.project.AcceptanceRule.Criterion;
import org.tandem.project.AcceptanceRule.Grade;
import org.tandem.project.AcceptanceRule.Overall;
import org.tandem.project.AcceptanceRule.ProductGrades;
import org.tandem.project.AcceptanceRule.Result;
import org.tandem.project.AcceptanceRule.Why;

/** Every branch of the acceptance rule of DOMAIN §2 and of how members' grades become the council's. */
class AcceptanceRuleTests {

    /** One member's grades of a product: quantity, volume, quality. */
    static Map<Criterion, Grade> g(Grade quantity, Grade volume, Grade quality) {
        return Map.of(Criterion.QUANTITY, quantity, Criterion.VOLUME, volume, Criterion.QUALITY, quality);
    }

    static ProductGrades product(String name, Grade quantity, Grade volume, Grade quality) {
        return new ProductGrades(name, List.of(g(quantity, volume, quality)));
    }

    static List<String> codes(Result r) {
        return r.why().stream().map(Why::code).toList();
    }

    @Test
    void theCouncilsGradeIsTheMediansWorseMiddleWhenEven() {
        assertThat(AcceptanceRule.councilGrade(List.of(EXCELLENT))).isEqualTo(EXCELLENT);
        assertThat(AcceptanceRule.councilGrade(List.of(EXCELLENT, SATISFACTORY, UNSATISFACTORY))).isEqualTo(SATISFACTORY);
        assertThat(AcceptanceRule.councilGrade(List.of(UNSATISFACTORY, EXCELLENT, EXCELLENT))).isEqualTo(EXCELLENT);
        assertThat(AcceptanceRule.councilGrade(List.of(EXCELLENT, UNSATISFACTORY))).isEqualTo(UNSATISFACTORY);
        assertThat(AcceptanceRule.councilGrade(List.of(SATISFACTORY, SATISFACTORY, UNSATISFACTORY, UNSATISFACTORY)))
                .isEqualTo(UNSATISFACTORY);
        assertThat(AcceptanceRule.councilGrade(List.of(EXCELLENT, SATISFACTORY, SATISFACTORY, UNSATISFACTORY)))
                .isEqualTo(SATISFACTORY);
        assertThatThrownBy(() -> AcceptanceRule.councilGrade(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcceptanceRule.councilGrade(Arrays.asList(EXCELLENT, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threeQuartersRoundsUp() {
        assertThat(AcceptanceRule.quantityVolumeNeeded(2)).isEqualTo(2);
        assertThat(AcceptanceRule.quantityVolumeNeeded(4)).isEqualTo(3);
        assertThat(AcceptanceRule.quantityVolumeNeeded(6)).isEqualTo(5);
        assertThat(AcceptanceRule.quantityVolumeNeeded(8)).isEqualTo(6);
        assertThat(AcceptanceRule.quantityVolumeNeeded(10)).isEqualTo(8);
    }

    @Test
    void satisfactoryWhenEveryQualityAndEveryQuantityVolumeCriterionIsMet() {
        Result r = AcceptanceRule.evaluate(List.of(product("Sensor network", EXCELLENT, SATISFACTORY, EXCELLENT),
                product("Flood model", SATISFACTORY, SATISFACTORY, SATISFACTORY)));
        assertThat(r.overall()).isEqualTo(Overall.SATISFACTORY);
        assertThat(r.satisfactory()).isTrue();
        assertThat(r.qualityMet()).isEqualTo(2);
        assertThat(r.quantityVolumeMet()).isEqualTo(4);
        assertThat(r.why()).containsExactly(new Why("project.acceptance.why.satisfactory", List.of(2, 4, 4, 3)));
    }

    @Test
    void satisfactoryWithExactlyThreeQuartersOfQuantityAndVolumeMet() {
        Result r = AcceptanceRule.evaluate(List.of(product("A", UNSATISFACTORY, SATISFACTORY, SATISFACTORY),
                product("B", EXCELLENT, EXCELLENT, EXCELLENT)));
        assertThat(r.overall()).isEqualTo(Overall.SATISFACTORY);
        assertThat(r.quantityVolumeMet()).isEqualTo(3);
        assertThat(r.products().get(0).quantityVolumeMet()).isEqualTo(1);
        assertThat(r.products().get(0).qualityMet()).isTrue();
    }

    @Test
    void unsatisfactoryJustBelowThreeQuarters() {
        // 8 criteria over four products, 5 met: 5/8 < 3/4 although every quality is fine.
        Result r = AcceptanceRule.evaluate(List.of(product("A", UNSATISFACTORY, UNSATISFACTORY, SATISFACTORY),
                product("B", UNSATISFACTORY, SATISFACTORY, SATISFACTORY), product("C", SATISFACTORY, SATISFACTORY, EXCELLENT),
                product("D", EXCELLENT, EXCELLENT, EXCELLENT)));
        assertThat(r.overall()).isEqualTo(Overall.UNSATISFACTORY);
        assertThat(r.why()).containsExactly(new Why("project.acceptance.why.quantityVolume", List.of(5, 8, 6)));
    }

    @Test
    void oneProductOfPoorQualityFailsTheTaskWhateverTheRest() {
        Result r = AcceptanceRule.evaluate(List.of(product("Sensor network", EXCELLENT, EXCELLENT, UNSATISFACTORY),
                product("Flood model", EXCELLENT, EXCELLENT, EXCELLENT)));
        assertThat(r.overall()).isEqualTo(Overall.UNSATISFACTORY);
        assertThat(r.qualityMet()).isEqualTo(1);
        assertThat(r.quantityVolumeMet()).isEqualTo(4);
        assertThat(r.why()).containsExactly(new Why("project.acceptance.why.quality", List.of("Sensor network")));
    }

    @Test
    void bothConditionsFailingAreBothNamed() {
        Result r = AcceptanceRule.evaluate(List.of(product("A", UNSATISFACTORY, UNSATISFACTORY, UNSATISFACTORY),
                product("B", SATISFACTORY, SATISFACTORY, UNSATISFACTORY)));
        assertThat(r.overall()).isEqualTo(Overall.UNSATISFACTORY);
        assertThat(codes(r)).containsExactly("project.acceptance.why.quality", "project.acceptance.why.quantityVolume");
        assertThat(r.why().get(0).args()).containsExactly("A; B");
    }

    @Test
    void aSingleProductNeedsBothItsQuantityAndVolume() {
        assertThat(AcceptanceRule.evaluate(List.of(product("A", SATISFACTORY, UNSATISFACTORY, EXCELLENT))).overall())
                .isEqualTo(Overall.UNSATISFACTORY);
        assertThat(AcceptanceRule.evaluate(List.of(product("A", SATISFACTORY, EXCELLENT, SATISFACTORY))).overall())
                .isEqualTo(Overall.SATISFACTORY);
    }

    @Test
    void membersGradesAreCombinedPerCriterionBeforeTheRule() {
        // Two of three members find the quality unsatisfactory: the council does.
        ProductGrades split = new ProductGrades("Model", List.of(g(EXCELLENT, EXCELLENT, EXCELLENT),
                g(EXCELLENT, SATISFACTORY, UNSATISFACTORY), g(SATISFACTORY, SATISFACTORY, UNSATISFACTORY)));
        Result r = AcceptanceRule.evaluate(List.of(split));
        assertThat(r.products().get(0).council()).containsEntry(Criterion.QUANTITY, EXCELLENT)
                .containsEntry(Criterion.VOLUME, SATISFACTORY).containsEntry(Criterion.QUALITY, UNSATISFACTORY);
        assertThat(r.overall()).isEqualTo(Overall.UNSATISFACTORY);
        // One dissenting member of three does not sink a criterion.
        ProductGrades mostly = new ProductGrades("Model", List.of(g(EXCELLENT, EXCELLENT, EXCELLENT),
                g(UNSATISFACTORY, UNSATISFACTORY, UNSATISFACTORY), g(SATISFACTORY, SATISFACTORY, SATISFACTORY)));
        assertThat(AcceptanceRule.evaluate(List.of(mostly)).overall()).isEqualTo(Overall.SATISFACTORY);
    }

    @Test
    void exhaustivelyOverTwoProductsTheResultIsExactlyTheRule() {
        Grade[] all = Grade.values();
        int cases = 0;
        for (int code = 0; code < 729; code++) {
            int c = code;
            List<Grade> grades = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                grades.add(all[c % 3]);
                c /= 3;
            }
            ProductGrades a = product("A", grades.get(0), grades.get(1), grades.get(2));
            ProductGrades b = product("B", grades.get(3), grades.get(4), grades.get(5));
            boolean quality = grades.get(2) != UNSATISFACTORY && grades.get(5) != UNSATISFACTORY;
            long qv = List.of(grades.get(0), grades.get(1), grades.get(3), grades.get(4)).stream()
                    .filter(x -> x != UNSATISFACTORY).count();
            boolean expected = quality && qv * 4 >= 3 * 4;
            assertThat(AcceptanceRule.evaluate(List.of(a, b)).satisfactory()).as(grades.toString()).isEqualTo(expected);
            cases++;
        }
        assertThat(cases).isEqualTo(729);
    }

    @Test
    void nothingToGradeIsNotAResult() {
        assertThatThrownBy(() -> AcceptanceRule.evaluate(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcceptanceRule.evaluate(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
