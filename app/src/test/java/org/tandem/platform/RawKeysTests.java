package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * No code or key ever reaches a reader: every key a template names exists in all three
 * languages, every status an enum shows has its words, templates never print an enum's name,
 * and no Vietnamese or Russian text is left in English.
 */
class RawKeysTests {

    static final List<String> LANGUAGES = List.of("messages.properties", "messages_vi.properties", "messages_ru.properties");

    /** Proper nouns, format names and the languages' own names: the same in every language by nature. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("app.name", "footer.api", "auditChain.hash", "innovation.trlShort", "indicators.import.meta",
            "indicators.import.data", "lang.self.en", "lang.self.vi",
            "lang.self.ru", "expertise.format.BIBTEX", "expertise.format.CSV");

    @Test
    void everyStaticKeyOfEveryTemplateExistsInEveryLanguage() throws IOException {
        Pattern key = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9._-]*)[(}]");
        List<String> missing = new ArrayList<>();
        for (String file : LANGUAGES) {
            Properties messages = MessagesTests.load(file);
            for (Path t : templates()) {
                Matcher m = key.matcher(Files.readString(t));
                while (m.find()) {
                    if (!messages.containsKey(m.group(1))) {
                        missing.add(file + ": " + t.getFileName() + " uses " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Keys built from an enum ({@code #{${status.messageKey()}}}) must exist for every constant. */
    @Test
    void everyEnumShownByMessageKeyHasItsWordsForEveryConstant() throws Exception {
        List<String> missing = new ArrayList<>();
        int enums = 0;
        for (Class<?> type : applicationEnums()) {
            Method messageKey;
            try {
                messageKey = type.getMethod("messageKey");
                messageKey.setAccessible(true);
            } catch (NoSuchMethodException e) {
                continue;
            }
            enums++;
            for (Object constant : type.getEnumConstants()) {
                String k = (String) messageKey.invoke(constant);
                for (String file : LANGUAGES) {
                    if (!MessagesTests.load(file).containsKey(k)) {
                        missing.add(file + ": " + type.getSimpleName() + "." + constant + " → " + k);
                    }
                }
            }
        }
        assertThat(enums).as("enums with messageKey() found").isGreaterThan(2);
        assertThat(missing).isEmpty();
    }

    /** Keys built from a prefix and an enum constant ({@code #{'eligibility.rule.' + ${r.name()}}}). */
    @Test
    void everyPrefixedEnumKeyExistsForEveryConstant() throws Exception {
        Pattern prefixed = Pattern.compile("#\\{'([a-zA-Z][a-zA-Z0-9.]*\\.)' \\+ \\$\\{([a-zA-Z]+)(?:\\.name\\(\\))?\\}\\}");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            String html = Files.readString(t);
            Matcher m = prefixed.matcher(html);
            while (m.find()) {
                String prefix = m.group(1);
                // Which enum: the one whose constants complete the most existing keys with this prefix
                // (ties: the one with fewer gaps). Several enums share constant names (NONE, MEAN, …).
                Properties en = MessagesTests.load(LANGUAGES.get(0));
                Class<?> best = null;
                long bestHits = 0;
                long bestGaps = Long.MAX_VALUE;
                for (Class<?> type : applicationEnums()) {
                    Object[] constants = type.getEnumConstants();
                    long hits = Stream.of(constants).filter(c -> en.containsKey(prefix + ((Enum<?>) c).name())).count();
                    long gaps = constants.length - hits;
                    if (hits > bestHits || hits == bestHits && hits > 0 && gaps < bestGaps) {
                        best = type;
                        bestHits = hits;
                        bestGaps = gaps;
                    }
                }
                if (best == null) {
                    continue;
                }
                for (Object c : best.getEnumConstants()) {
                    for (String file : LANGUAGES) {
                        if (!MessagesTests.load(file).containsKey(prefix + ((Enum<?>) c).name())) {
                            missing.add(file + ": " + t.getFileName() + " shows " + prefix + ((Enum<?>) c).name());
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * An element that lists an enum's constants, or prints a status or phase, must say it with
     * words from the message files, not the constant's name.
     */
    @Test
    void templatesNeverPrintAnEnumsName() throws IOException {
        Pattern element = Pattern.compile("<[a-zA-Z][^>]*>");
        Pattern enumLoop = Pattern.compile("th:each=\"[^\"]*\\.values\\(\\)[^\"]*\"");
        Pattern rawStatus = Pattern.compile("th:text=\"\\$\\{[a-zA-Z.()]*\\.(status|phase|rule|outcome|role)(\\(\\))?(\\.name\\(\\))?\\}\"");
        List<String> raw = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = element.matcher(Files.readString(t));
            while (m.find()) {
                String tag = m.group();
                boolean listsEnum = enumLoop.matcher(tag).find() && tag.contains("th:text=\"${") && !tag.contains("#{");
                if (listsEnum || rawStatus.matcher(tag).find()) {
                    raw.add(t.getFileName() + ": " + tag);
                }
            }
        }
        assertThat(raw).isEmpty();
    }

    @Test
    void nothingInVietnameseOrRussianIsLeftInEnglish() throws IOException {
        Properties en = MessagesTests.load(LANGUAGES.get(0));
        List<String> untranslated = new ArrayList<>();
        for (String file : LANGUAGES.subList(1, 3)) {
            Properties other = MessagesTests.load(file);
            for (String k : en.stringPropertyNames()) {
                String english = en.getProperty(k);
                // Placeholders and symbols alone ("{0} / {1}", "—") are the same everywhere.
                boolean hasWords = english.replaceAll("\\{[^}]*}", "").matches("(?s).*\\p{IsLatin}{2,}.*");
                if (hasWords && english.equals(other.getProperty(k)) && !SAME_IN_EVERY_LANGUAGE.contains(k)) {
                    untranslated.add(file + ": " + k + "=" + english);
                }
            }
        }
        assertThat(untranslated).isEmpty();
    }

    private static List<Class<?>> applicationEnums() throws IOException, ClassNotFoundException {
        List<Class<?>> enums = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:org/tandem/**/*.class")) {
            String url = r.getURL().toString();
            if (!url.contains("/classes/org/tandem/") || url.contains("/test-classes/")) {
                continue;
            }
            String name = url.substring(url.indexOf("/classes/") + "/classes/".length(), url.length() - ".class".length())
                    .replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(name, false, RawKeysTests.class.getClassLoader());
            } catch (LinkageError | ClassNotFoundException e) {
                continue;
            }
            if (type.isEnum()) {
                enums.add(type);
            }
        }
        return enums;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/templates"))) {
            return s.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }
}
