package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Three languages everywhere: the same keys in every file, and no text typed into a template. */
class MessagesTests {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessagesTests.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        for (String lang : List.of("vi", "ru")) {
            Set<String> other = new TreeSet<>(load("messages_" + lang + ".properties").stringPropertyNames());
            assertThat(other).as("keys of messages_%s.properties", lang).isEqualTo(en);
        }
    }

    /** A key written twice silently keeps only its last text: a field label overwrote an error message that way. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_vi.properties", "messages_ru.properties")) {
            Set<String> seen = new TreeSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || !t.contains("=")) {
                    continue;
                }
                String key = t.substring(0, t.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as(file).isEmpty();
        }
    }

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.]*)[(}]");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = key.matcher(Files.readString(t));
            while (m.find()) {
                if (!en.contains(m.group(1))) {
                    missing.add(t.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Text between tags must come from th:text (the literal is only a design-time placeholder).
     * An element whose opening tag has no th:text/th:utext and whose text has a letter is
     * hard-coded, and would stay English for a Russian reader.
     */
    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        Pattern element = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:]*)([^>]*)>([^<]*)");
        List<String> hardCoded = new ArrayList<>();
        for (Path t : templates()) {
            String html = Files.readString(t).replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<!--.*?-->", "");
            Matcher m = element.matcher(html);
            while (m.find()) {
                String attrs = m.group(2);
                String text = m.group(3).strip();
                boolean translated = attrs.contains("th:text") || attrs.contains("th:utext") || attrs.contains("th:replace");
                if (!translated && text.codePoints().anyMatch(Character::isLetter)) {
                    hardCoded.add(t.getFileName() + ": <" + m.group(1) + "> " + text);
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/templates"))) {
            return s.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }
}
