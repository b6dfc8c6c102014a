package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command reports bad input the same way: exit 2, one {@code bad input: FILE:LINE: COLUMN: PROBLEM}
 * line on stderr naming a file it was given, a line of it and the column or field, and no output
 * file. Each command is given inputs that are all wrong in the same way, so whichever file it
 * reads first must be refused.
 */
class BadInputMessagesTest {

    @TempDir
    Path dir;

    /** A CSV file whose header lacks every column any command requires. */
    private static final String CSV_WITHOUT_COLUMNS = "x,y\n1,2\n";
    /** JSON lines whose second line gives a string where a list is required. */
    private static final String JSONL_WRONG_TYPES = "{\"id\":\"a\"}\n{\"id\":\"b\",\"keywords\":\"not a list\",\"team\":\"not a list\"}\n";

    static Stream<Arguments> commands() {
        return Stream.of(
            Arguments.of("affinity", List.of("--proposals", "--experts"), JSONL_WRONG_TYPES, "2", "keywords"),
            Arguments.of("conflicts", List.of("--proposals", "--experts"), JSONL_WRONG_TYPES, "2", "team"),
            Arguments.of("assign", List.of("--reviewers", "--demands", "--affinity"), CSV_WITHOUT_COLUMNS, "1", null),
            Arguments.of("select", List.of("--proposals", "--costs", "--budgets"), CSV_WITHOUT_COLUMNS, "1", null),
            Arguments.of("meetings", List.of("--participants", "--wishes", "--slots"), CSV_WITHOUT_COLUMNS, "1", null),
            Arguments.of("index", List.of("--data", "--meta", "--pipeline"), CSV_WITHOUT_COLUMNS, "1", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void badFileIsNamedWithLineAndColumnAndNothingIsWritten(String command, List<String> inputs, String content,
                                                            String line, String column) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        List<String> files = new ArrayList<>();
        for (String option : inputs) {
            Path f = Files.writeString(dir.resolve(command + option.replace("--", "-") + (content.startsWith("{") ? ".jsonl" : ".csv")),
                    content, StandardCharsets.UTF_8);
            files.add(Pattern.quote(f.toString()));
            args.add(option);
            args.add(f.toString());
        }
        Path out = dir.resolve(command + "-out.csv");
        args.add("--out");
        args.add(out.toString());

        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = EngineCli.run(args.toArray(new String[0]));
        } finally {
            System.setErr(old);
        }
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(code).as(message).isEqualTo(EngineCli.EXIT_BAD_INPUT);
        Matcher m = Pattern.compile("bad input: (" + String.join("|", files) + "):(\\d+): ([^:]+): (.+)").matcher(message);
        assertThat(m.matches()).as(message).isTrue();
        assertThat(m.group(2)).as(message).isEqualTo(line);
        if (column != null) {
            assertThat(m.group(3)).as(message).isEqualTo(column);
        } else {
            assertThat(m.group(4)).as(message).isEqualTo("column missing from the header");
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().contains("-out"))).isEmpty();
        }
    }
}
