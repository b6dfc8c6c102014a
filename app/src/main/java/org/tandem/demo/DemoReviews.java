package org.tandem.demo;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.platform.TandemSettings;
import org.tandem.platform.security.TandemUser;
import org.tandem.programme.Call;
import org.tandem.programme.Calls;
import org.tandem.programme.Programme;
import org.tandem.programme.Programmes;
import org.tandem.review.AssignmentRuns;
import org.tandem.review.ReviewForms;
import org.tandem.review.ReviewerInvitations;
import org.tandem.review.Reviews;

/**
 * The demo's reviewed call: each party's officer ran its assignment and invited; every expert
 * accepted and submitted. Scores follow a hidden quality per proposal plus a steady bias per
 * expert (some are harsh, some lenient) and noise, so that calibration has something to correct
 * and the two parties disagree now and then, as real panels do. Deterministic.
 */
@Component
@Order(25)
class DemoReviews implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);

    /** What the demo experts declared on accepting, as the English page words it. */
    private static final String DEMO_DECLARATION = "I declare that I have no conflict of interest with this proposal, its applicants"
            + " or their organisations, and that I will keep it confidential.";

    private static final String[] STRONG = {
        "The objectives are ambitious and clearly stated; the joint work plan uses the complementary strengths of both teams well.",
        "Convincing methodology and a credible plan for validation; the exchange of researchers is well thought out.",
        "An excellent fit with the priority field, with a clear path from results to users in both countries."};
    private static final String[] MIDDLE = {
        "Relevant objectives, but the work plan underestimates the data collection; milestones in year two are vague.",
        "The teams are competent; the added value of the cooperation should be argued more concretely.",
        "A sound proposal whose impact section lists outputs rather than outcomes; risks are only partly addressed."};
    private static final String[] WEAK = {
        "The state of the art is not well covered and the methodology is described too briefly to be assessed.",
        "The two teams work largely in parallel; the joint part of the project is not clear.",
        "The budget is not justified by the work plan, and the expected results are not measurable."};

    private final TandemSettings settings;
    private final Programmes programmes;
    private final Calls calls;
    private final AssignmentRuns runs;
    private final ReviewerInvitations invitations;
    private final Reviews reviews;
    private final ReviewForms forms;
    private final UserDetailsService users;
    private final Clock clock;

    DemoReviews(TandemSettings settings, Programmes programmes, Calls calls, AssignmentRuns runs,
                ReviewerInvitations invitations, Reviews reviews,
                ReviewForms forms, UserDetailsService users, Clock clock) {
        this.settings = settings;
        this.programmes = programmes;
        this.calls = calls;
        this.runs = runs;
        this.invitations = invitations;
        this.reviews = reviews;
        this.forms = forms;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Programme programme = programmes.byCode(DemoProgramme.CODE).orElse(null);
        if (!settings.demoEnabled() || programme == null) {
            return;
        }
        Call call = calls.ofProgramme(programme.getId()).stream()
                .filter(c -> DemoProposals.REVIEWED_TITLE.equals(c.getTitle().getEn())).findFirst().orElse(null);
        if (call == null || runs.hasAssignments(call.getId())) {
            return;
        }
        log.info("Reviewing the demo call of 2025");
        reviewCall(programme, call, Set.of());
    }

    /**
     * Both parties' reviews of a closed call in evaluation: each officer assigns two experts per
     * proposal and every expert accepts and submits; {@code strong} proposals convince every panel. Also used for the earlier programme's calls.
     */
    @Transactional
    void reviewCall(Programme programme, Call call, Set<Long> strong) {
        TandemUser officerVn = (TandemUser) users.loadUserByUsername("officer.vn");
        forms.save(call.getId(), new ReviewForms.Input(ReviewForms.horizonEurope().stream()
                .map(c -> new ReviewForms.CriterionInput(c.code(), c.name().getEn(), c.name().getVi(), c.name().getRu(),
                        String.valueOf(c.weight()), String.valueOf(c.threshold()))).toList(),
                "5", "0.5", "3.33", clock.instant().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), "3", 0),
                officerVn);
        Map<Long, Double> quality = new LinkedHashMap<>();
        for (String code : List.of("VN", "RU")) {
            long party = programme.partyByCode(code).orElseThrow().getId();
            TandemUser officer = (TandemUser) users.loadUserByUsername("officer." + code.toLowerCase());
            runs.run(call.getId(), party, 2, 12, officer);
            invitations.invite(call.getId(), party, officer, person -> null);
            List<AssignmentRuns.Line> lines = new ArrayList<>(runs.current(call.getId(), party, officer));
            for (AssignmentRuns.Line l : lines) {
                double q = quality.computeIfAbsent(l.proposalId(), id -> strong.contains(id) ? 4.4
                        : 1.8 + new Random(id * 7919).nextDouble() * 3.0)
                        // Now and then the two parties see a proposal differently: the committee should notice.
                        + (code.equals("RU") && l.proposalId() % 5 == 0 ? 1.3 : 0);
                // A steady bias per expert: the same person is harsh or lenient on every proposal.
                double bias = (new Random(l.personId() * 104729).nextDouble() - 0.5) * 1.4;
                Random noise = new Random(l.proposalId() * 31 + l.personId());
                Map<String, String> scores = new LinkedHashMap<>();
                double sum = 0;
                for (String criterion : List.of("excellence", "impact", "implementation")) {
                    double s = Math.max(0, Math.min(5, Math.round((q + bias + noise.nextGaussian() * 0.4) * 2) / 2.0));
                    scores.put(criterion, String.valueOf(s));
                    sum += s;
                }
                String[] band = sum / 3 >= 3.8 ? STRONG : sum / 3 >= 2.8 ? MIDDLE : WEAK;
                invitations.answer(l.personId(), call.getId(), l.proposalId(), true, DEMO_DECLARATION, "system");
                reviews.save(l.personId(), call.getId(), l.proposalId(), scores, band[noise.nextInt(band.length)],
                        noise.nextInt(4) == 0 ? "I know this field well; the Russian partner’s pilot site is a strength."
                                : null, true, "system");
            }
        }
    }
}
