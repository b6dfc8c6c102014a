package org.tandem.engine.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.cli.EngineCli;

class ConflictsCommandTest {

    @TempDir
    Path dir;

    private static final String PROPOSALS = """
            {"id": "P1", "team": [{"name": "Nguyễn Văn An", "organisation": "VAST"}, {"name": "Иванов Сергей Петрович", "orcid": "0000-0002-1825-0097", "organisation": "НГУ"}]}

            {"id": "P2", "team": [{"name": "Sergei Ivanov", "organisation": "Tomsk State University"}]}
            """;
    private static final String EXPERTS = """
            {"id": "E1", "name": "Sergey Ivanov", "orcid": "https://orcid.org/0000-0002-1825-0097"}
            {"id": "E2", "name": "Tran Van Duc", "affiliations": [{"organisation": "Vietnam Academy of Science and Technology", "from": 2010, "to": 2021}], "publications": [{"title": "Rice genomics", "year": 2023, "coauthors": ["Nguyen Van An"]}]}
            {"id": "E3", "name": "S. Ivanov", "declared_conflicts": [{"proposal_id": "P1", "by": "officer", "reason": "same lab, 2019"}]}
            """;

    private int run(String proposals, String experts, String... extra) throws Exception {
        Files.writeString(dir.resolve("p.jsonl"), proposals);
        Files.writeString(dir.resolve("e.jsonl"), experts);
        String[] base = {"conflicts", "--proposals", dir.resolve("p.jsonl").toString(),
                "--experts", dir.resolve("e.jsonl").toString(), "--year", "2025",
                "--out", dir.resolve("c.csv").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return EngineCli.run(args);
    }

    @Test
    void writesCertainConflictsAndPossibleOnesSeparately() throws Exception {
        int code = run(PROPOSALS, EXPERTS, "--org-years", "5", "--possible", dir.resolve("possible.csv").toString());
        assertThat(code).isZero();
        var rows = Files.readAllLines(dir.resolve("c.csv"));
        assertThat(rows.get(0)).isEqualTo("proposal_id,reviewer_id,reason,detail");
        assertThat(rows).anyMatch(r -> r.startsWith("P1,E1,team_member,") && r.contains("same ORCID"))
                .anyMatch(r -> r.startsWith("P1,E2,same_organisation,") && r.contains("Vietnam Academy"))
                .anyMatch(r -> r.startsWith("P1,E2,coauthor,") && r.contains("Rice genomics") && r.contains("2023"))
                .anyMatch(r -> r.startsWith("P1,E3,declared_by_officer,") && r.contains("\"declared by an officer: same lab, 2019\""))
                .noneMatch(r -> r.startsWith("P1,E3,team_member"));
        var possible = Files.readAllLines(dir.resolve("possible.csv"));
        assertThat(possible).anyMatch(r -> r.startsWith("P1,E3,team_member,"))
                .anyMatch(r -> r.startsWith("P2,E3,team_member,"));
    }

    @Test
    void orgWindowFromTheCommandLine() throws Exception {
        assertThat(run(PROPOSALS, EXPERTS, "--org-years", "3")).isZero();
        assertThat(Files.readAllLines(dir.resolve("c.csv"))).noneMatch(r -> r.contains("same_organisation"));
    }

    @Test
    void extraAliasesFile() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "Tomsk State University,TSU\n");
        String experts = "{\"id\": \"E9\", \"name\": \"Le Thi Mai\", \"affiliations\": [{\"organisation\": \"TSU\"}]}\n";
        assertThat(run(PROPOSALS, experts, "--aliases", dir.resolve("a.csv").toString())).isZero();
        assertThat(Files.readAllLines(dir.resolve("c.csv"))).anyMatch(r -> r.startsWith("P2,E9,same_organisation,"));
    }

    private String badInput(String proposals, String experts) throws Exception {
        PrintStream old = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(run(proposals, experts)).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        } finally {
            System.setErr(old);
        }
        assertThat(dir.resolve("c.csv")).doesNotExist();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badInputExitsTwoNamingFileLineAndFieldAndWritesNothing() throws Exception {
        assertThat(badInput(PROPOSALS, EXPERTS.replace("\"year\": 2023", "\"year\": \"last year\"")))
                .contains("e.jsonl:2").contains("publications[0].year");
        assertThat(badInput(PROPOSALS.replace("0000-0002-1825-0097", "12345"), EXPERTS))
                .contains("p.jsonl:1").contains("team[1].orcid");
        assertThat(badInput(PROPOSALS.replace("{\"id\": \"P2\", ", "{"), EXPERTS))
                .contains("p.jsonl:3: id:");
        assertThat(badInput(PROPOSALS, EXPERTS + "{not json\n")).contains("e.jsonl:4").contains("invalid JSON");
        assertThat(badInput(PROPOSALS, EXPERTS.replace("\"by\": \"officer\"", "\"by\": \"chair\"")))
                .contains("declared_conflicts[0].by");
        assertThat(badInput(PROPOSALS, EXPERTS.replace("\"to\": 2021", "\"to\": 2001")))
                .contains("affiliations[0].to");
        assertThat(badInput(PROPOSALS, EXPERTS.replace("E3", "E2"))).contains("duplicate id");
    }

    @Test
    void missingFileIsBadInput() throws Exception {
        Files.writeString(dir.resolve("e.jsonl"), EXPERTS);
        int code = EngineCli.run("conflicts", "--proposals", dir.resolve("nope.jsonl").toString(),
                "--experts", dir.resolve("e.jsonl").toString(), "--out", dir.resolve("c.csv").toString());
        assertThat(code).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        assertThat(dir.resolve("c.csv")).doesNotExist();
    }
}
