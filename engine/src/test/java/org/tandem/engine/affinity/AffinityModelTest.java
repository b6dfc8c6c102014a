package org.tandem.engine.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AffinityModelTest {

    private static AffinityModel model;

    @BeforeAll
    static void build() {
        model = AffinityModel.build(ExpertPoolFixture.EXPERTS);
    }

    @Test
    void rightExpertComesFirstForEveryProposal() {
        for (ExpertPoolFixture.Case c : ExpertPoolFixture.CASES) {
            List<AffinityScore> ranking = model.rank(c.proposal(), 3);
            assertThat(ranking.get(0).expertId()).as(c.proposal().id() + " -> " + ranking).isEqualTo(c.rightExpert());
            // and with a clear margin, not by a rounding error
            assertThat(ranking.get(0).score() - ranking.get(1).score()).as(c.proposal().id()).isGreaterThan(0.02);
        }
    }

    @Test
    void scoresAreInUnitIntervalAndSortedBestFirst() {
        for (ExpertPoolFixture.Case c : ExpertPoolFixture.CASES) {
            List<AffinityScore> all = model.rank(c.proposal(), Integer.MAX_VALUE);
            assertThat(all).hasSize(ExpertPoolFixture.EXPERTS.size());
            assertThat(all).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).score()).isLessThanOrEqualTo(all.get(i - 1).score());
            }
        }
    }

    @Test
    void topKIsThePrefixOfTheFullRanking() {
        ProposalText p = ExpertPoolFixture.CASES.get(5).proposal();
        List<AffinityScore> all = model.rank(p, Integer.MAX_VALUE);
        assertThat(model.rank(p, 4)).containsExactlyElementsOf(all.subList(0, 4));
        assertThat(model.rankAll(List.of(p, p), 2)).allSatisfy(r -> assertThat(r).isEqualTo(all.subList(0, 2)));
    }

    @Test
    void explanationNamesSharedTermsAndMatchesTheRankedScore() {
        ProposalText p = ExpertPoolFixture.CASES.get(0).proposal();
        AffinityScore best = model.rank(p, 1).get(0);
        Explanation e = model.explain(p, best.expertId());
        assertThat(e.score()).isCloseTo(best.score(), within(1e-5));
        assertThat(e.sharedTermNames()).contains("translation", "vietnamese");
        assertThat(e.sharedKeywords()).contains("machine", "translation");
        assertThat(e.sharedFields()).containsExactly("1.2");
        assertThat(e.closestPublication().title()).contains("machine translation");
        double shares = e.sharedTerms().stream().mapToDouble(Explanation.SharedTerm::contribution).sum();
        assertThat(shares).isLessThanOrEqualTo(e.textScore() + 1e-9).isGreaterThan(0.5 * e.textScore());
        assertThat(e.textWeight() + e.keywordWeight() + e.fieldWeight()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void explanationScoresEqualRankedScoresForAllPairs() {
        for (ExpertPoolFixture.Case c : ExpertPoolFixture.CASES) {
            for (AffinityScore s : model.rank(c.proposal(), Integer.MAX_VALUE)) {
                assertThat(model.score(c.proposal(), s.expertId())).isCloseTo(s.score(), within(1e-5));
            }
        }
    }

    @Test
    void fieldsMatchExactlyOrByMajorField() {
        ProposalText p = new ProposalText("f", "", "", List.of(), List.of("1.4"));
        assertThat(model.explain(p, "hydrogen").fieldScore()).isEqualTo(1.0);
        assertThat(model.explain(p, "nlp").fieldScore()).isEqualTo(0.5); // 1.2: same major field 1
        assertThat(model.explain(p, "solar").fieldScore()).isEqualTo(0.0);
    }

    @Test
    void vietnameseDiacriticsAndCyrillicKeywordsAreFolded() {
        ProposalText p = new ProposalText("ru", "", "",
                List.of("нейронная сеть", "Hop tac khoa hoc"), List.of());
        Explanation e = model.explain(p, "ru-ml");
        assertThat(e.keywordScore()).isGreaterThan(0.5);
        assertThat(e.sharedKeywords()).contains("hop", "tac", "khoa", "hoc");
        assertThat(e.sharedKeywords()).anySatisfy(k -> assertThat(k).startsWith("нейрон"));
        assertThat(model.rank(p, 1).get(0).expertId()).isEqualTo("ru-ml");
    }

    @Test
    void emptyTextsScoreZeroWithoutCrashing() {
        ProposalText empty = new ProposalText("empty", null, "  ", null, null);
        assertThat(model.rank(empty, 100)).hasSize(ExpertPoolFixture.EXPERTS.size())
                .allSatisfy(s -> assertThat(s.score()).isZero());
        Explanation e = model.explain(empty, "nlp");
        assertThat(e.score()).isZero();
        assertThat(e.sharedTerms()).isEmpty();
        assertThat(e.closestPublication()).isNull();

        // An expert without publications or keywords, and a pool of no one.
        AffinityModel bare = AffinityModel.build(List.of(new ExpertProfile("x", null, null, null)));
        assertThat(bare.rank(ExpertPoolFixture.CASES.get(0).proposal(), 5))
                .singleElement().satisfies(s -> assertThat(s.score()).isZero());
        assertThat(AffinityModel.build(List.of()).rank(empty, 5)).isEmpty();
    }

    @Test
    void onlyStopWordsOrNumbersGiveZero() {
        ProposalText p = new ProposalText("stop", "The and of 2024", "we use this 12.5", List.of(), List.of());
        assertThat(model.rank(p, 1).get(0).score()).isZero();
    }

    @Test
    void recentPapersWeighSlightlyMore() {
        Publication old = new Publication("Perovskite solar cell stability", "moisture degradation of perovskite films", 2000);
        Publication recent = new Publication("Perovskite solar cell stability", "moisture degradation of perovskite films", 2024);
        AffinityModel m = AffinityModel.build(List.of(
                new ExpertProfile("old", null, null, List.of(old)),
                new ExpertProfile("recent", null, null, List.of(recent))));
        List<AffinityScore> r = m.rank(new ProposalText("p", "perovskite stability", "", null, null), 2);
        assertThat(r.get(0).expertId()).isEqualTo("recent");
        assertThat(r.get(1).score() / r.get(0).score()).isBetween(0.8, 0.99); // mild, not decisive
    }
}
