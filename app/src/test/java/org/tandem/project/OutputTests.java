package org.tandem.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tandem.platform.validation.ConflictException;
import org.tandem.platform.validation.InvalidInputException;
import org.tandem.platform.validation.NotAllowedException;
import org.tandem.platform.validation.Problem;
import org.tandem.programme.Calls;
import org.tandem.programme.Programmes;
import org.tandem.proposal.ProposalSubmissions;
import org.tandem.support.TandemIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** Outputs: publications from Crossref or BibTeX (joint when both parties' teams wrote them), patents, people trained, TRL. */
@TandemIntegrationTest
class OutputTests {

    static final String CROSSREF = """
            {"status":"ok","message-type":"work","message":{"DOI":"10.1016/j.jhydrol.2026.130001","type":"journal-article",
             "title":["Flood forecasting for the Red River with sparse sensors"],"container-title":["Journal of Hydrology"],
             "issued":{"date-parts":[[2026,5,2]]},
             "author":[{"given":"Van An","family":"Nguyen","sequence":"first"},{"given":"I.","family":"Petrov"},
                       {"given":"Maria","family":"Garcia"}]}}""";

    @Autowired Calls calls;
    @Autowired Programmes programmes;
    @Autowired ProposalSubmissions proposals;
    @Autowired Projects projects;
    @Autowired Contracts contracts;
    @Autowired Outputs outputs;
    @Autowired UserDetailsService users;
    @Autowired JsonMapper json;
    ProjectFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ProjectFixtures(calls, programmes, proposals, projects, users);
    }

    Project running(String title) {
        return f.running(contracts, title);
    }

    static Outputs.OutputInput publication(String doi, List<String> authors) {
        return new Outputs.OutputInput("PUBLICATION", "A paper", doi, 2026, "Water", authors, null, null, null, null, null,
                null, null, null, null, null, null, null, true, null, null);
    }

    @Test
    void aCrossrefWorkWithAuthorsFromBothTeamsIsAJointPublication() {
        Project p = running("Outputs: crossref");
        Outputs.Output o = outputs.add(p.id(), new Outputs.OutputInput(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, json.readTree(CROSSREF), null), f.user("applicant.vn"));
        assertThat(o.kind()).isEqualTo("PUBLICATION");
        assertThat(o.title()).isEqualTo("Flood forecasting for the Red River with sparse sensors");
        assertThat(o.doi()).isEqualTo("10.1016/j.jhydrol.2026.130001");
        assertThat(o.year()).isEqualTo(2026);
        assertThat(o.venue()).isEqualTo("Journal of Hydrology");
        assertThat(o.authors()).containsExactly("Van An Nguyen", "I. Petrov", "Maria Garcia");
        assertThat(o.joint()).isTrue();
        assertThat(o.jointParties()).containsExactly("VN", "RU");
        assertThat(o.source()).isEqualTo("CROSSREF");
        // The same DOI again (any case, with a resolver prefix) is the same publication.
        assertThatThrownBy(() -> outputs.add(p.id(), publication("https://doi.org/10.1016/J.JHYDROL.2026.130001", List.of()),
                f.user("applicant.ru"))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("OUTPUT_EXISTS"));
    }

    @Test
    void aBibtexEntryFromOneTeamIsNotJoint() {
        Project p = running("Outputs: bibtex");
        String bib = """
                @article{tran2026,
                  author = {Tr{\\`a}n, Th{\\'i} B{\\`i}nh and Nguy{\\~e}n, V. A.},
                  title = {{Sediment} transport in the Mekong delta},
                  journal = "Hydrology Research", year = 2026, doi = {10.2166/nh.2026.001}
                }""";
        Outputs.Output o = outputs.add(p.id(), new Outputs.OutputInput(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, false, null, bib), f.user("applicant.vn"));
        assertThat(o.title()).isEqualTo("Sediment transport in the Mekong delta");
        assertThat(o.authors()).containsExactly("Thi Binh Tran", "V. A. Nguyen");
        assertThat(o.venue()).isEqualTo("Hydrology Research");
        assertThat(o.jointParties()).containsExactly("VN");
        assertThat(o.joint()).isFalse();
        // Not public: the teams see it, a visitor does not.
        assertThat(outputs.of(p.id(), f.user("applicant.ru"))).extracting(Outputs.Output::id).contains(o.id());
        assertThat(outputs.of(p.id(), null)).extracting(Outputs.Output::id).doesNotContain(o.id());
    }

    @Test
    void aMalformedDoiAndAnIncompletePatentAreRefusedByField() {
        Project p = running("Outputs: bad");
        assertThatThrownBy(() -> outputs.add(p.id(), publication("10.12/abc", List.of()), f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("doi"));
        var patent = new Outputs.OutputInput("PATENT", "Low-cost river gauge", null, null, null, null, null, " ", "Vietnam",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 1, 1), "PENDING", List.of("HUST"), null, null, null, null, null,
                true, null, null);
        assertThatThrownBy(() -> outputs.add(p.id(), patent, f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("patentNumber", "patentOffice", "patentStatus", "grantDate"));
        assertThat(outputs.of(p.id(), f.user("officer.vn"))).isEmpty();
        // Past the form's counters (a bypassed browser limit): refused by field, nothing stored.
        var overlong = new Outputs.OutputInput("PUBLICATION", "A paper", null, 2026, "Water", List.of("a".repeat(20_001)),
                null, null, null, null, null, null, null, null, null, null, null, "e".repeat(5_001), true, null, null);
        assertThatThrownBy(() -> outputs.add(p.id(), overlong, f.user("applicant.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactlyInAnyOrder("authors", "evidence"));
        assertThat(outputs.of(p.id(), f.user("officer.vn"))).isEmpty();
        var good = new Outputs.OutputInput("PATENT", "Low-cost river gauge", null, null, null, null, null, "1-2026-01234", "vn",
                LocalDate.of(2026, 6, 1), null, "APPLIED", List.of("HUST", "NSU"), null, null, null, null, null, true, null, null);
        assertThat(outputs.add(p.id(), good, f.user("applicant.vn")).patentOffice()).isEqualTo("VN");
    }

    @Test
    void onlyTheProjectsTeamsAndOfficersAddOutputsAndTrl() {
        Project p = running("Outputs: rights");
        Project other = running("Outputs: rights, other");
        assertThatThrownBy(() -> outputs.add(p.id(), publication(null, List.of()), f.user("expert.vn")))
                .isInstanceOf(NotAllowedException.class);
        outputs.setTrl(other.id(), 3, 5, f.user("applicant.vn"));
        assertThat(projects.get(other.id()).trlEnd()).isEqualTo(5);
        assertThatThrownBy(() -> outputs.setTrl(p.id(), 0, 10, f.user("officer.vn")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("trlStart", "trlEnd"));
    }
}
