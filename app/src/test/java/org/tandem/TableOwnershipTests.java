package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one module, read off the migrations: a table belongs to the module
 * named by the nearest {@code -- <module>:} line above its {@code create table}. SQL and JPQL
 * in a module's code may name only that module's tables and entities; another module's data
 * is read through the owner's published API. Modulith's verification sees class dependencies,
 * not strings, so this closes the gap it leaves.
 */
class TableOwnershipTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path SOURCES = Path.of("src/main/java/org/tandem");

    /** Two migrations written before every migration named its module; both are the proposal module's. */
    static final Map<String, String> UNMARKED_MIGRATIONS = Map.of(
            "V4__attachments.sql", "proposal",
            "V7__eligibility_config.sql", "proposal");

    static final Pattern SECTION = Pattern.compile("^--\\s*([a-z]+):", Pattern.MULTILINE);
    static final Pattern CREATE = Pattern.compile("create\\s+(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    static final Pattern NAMED = Pattern.compile("\\b(?:from|join|into|update|table|exists)\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    static final Pattern ENTITY = Pattern.compile("@Entity[\\s\\S]*?\\bclass\\s+([A-Z][A-Za-z0-9]*)");

    record Violation(String file, String module, String name, String owner) {
        @Override
        public String toString() {
            return file + " (module " + module + ") names " + name + ", which belongs to " + owner;
        }
    }

    /** Table name → owning module, from the migrations. */
    static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            String name = migration.getFileName().toString();
            String sql = read(migration);
            Matcher create = CREATE.matcher(sql);
            while (create.find()) {
                String owner = UNMARKED_MIGRATIONS.get(name);
                Matcher section = SECTION.matcher(sql.substring(0, create.start()));
                while (section.find()) {
                    owner = section.group(1);
                }
                assertThat(owner).as("%s: table %s has no module; start its section with a line '-- <module>: …'",
                        name, create.group(1)).isNotNull();
                String previous = owners.put(create.group(1).toLowerCase(Locale.ROOT), owner);
                assertThat(previous == null || previous.equals(owner)).as("table %s claimed by two modules", create.group(1))
                        .isTrue();
            }
        }
        return owners;
    }

    /** Entity name (as JPQL spells it) → owning module, from where the {@code @Entity} class lives. */
    static Map<String, String> entityOwners() {
        Map<String, String> owners = new LinkedHashMap<>();
        for (Path source : files(SOURCES, ".java")) {
            Matcher entity = ENTITY.matcher(read(source));
            while (entity.find()) {
                owners.put(entity.group(1), moduleOf(source));
            }
        }
        return owners;
    }

    static List<Violation> violations(String file, String module, String source, Map<String, String> tables,
                                      Map<String, String> entities) {
        StringBuilder literals = new StringBuilder();
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            // Joined with spaces, so SQL split over concatenated strings is still read as one statement.
            literals.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
        }
        List<Violation> found = new ArrayList<>();
        Matcher named = NAMED.matcher(literals);
        while (named.find()) {
            String word = named.group(1);
            String owner = tables.get(word.toLowerCase(Locale.ROOT));
            if (owner == null) {
                owner = entities.get(word);
            }
            if (owner != null && !owner.equals(module)) {
                found.add(new Violation(file, module, word, owner));
            }
        }
        return found;
    }

    @Test
    void everyTableHasOneOwningModule() {
        Map<String, String> owners = tableOwners();
        assertThat(owners).containsEntry("proposal", "proposal").containsEntry("funding_call", "programme")
                .containsEntry("api_token", "platform").containsEntry("expert_pool", "review")
                .containsEntry("proposal_attachment", "proposal");
        List<String> modules = ModularityTests.MODULES.stream().map(m -> m.getIdentifier().toString()).toList();
        assertThat(modules).containsAll(owners.values());
    }

    @Test
    void noModuleNamesAnotherModulesTableInSqlOrJpql() {
        Map<String, String> tables = tableOwners();
        Map<String, String> entities = entityOwners();
        List<Violation> all = new ArrayList<>();
        for (Path source : files(SOURCES, ".java")) {
            all.addAll(violations(SOURCES.relativize(source).toString(), moduleOf(source), read(source), tables, entities));
        }
        assertThat(all).as("cross-module SQL; read the owner's API instead").isEmpty();
    }

    @Test
    void aPlantedCrossModuleQueryIsCaught() {
        Map<String, String> tables = tableOwners();
        Map<String, String> entities = entityOwners();
        String planted = """
                class Planted {
                    List<String> acronyms(long callId) {
                        return jdbc.sql(\"""
                                select p.acronym from review_assignment a
                                join proposal p on p.id = a.proposal_id where a.call_id = ?\""").param(callId).list();
                    }
                    long count() {
                        return em.createQuery("select count(c) from " + "Call c", Long.class).getSingleResult();
                    }
                }
                """;
        assertThat(violations("review/Planted.java", "review", planted, tables, entities))
                .extracting(Violation::name, Violation::owner)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("proposal", "proposal"),
                        org.assertj.core.groups.Tuple.tuple("Call", "programme"));
        assertThat(violations("review/Own.java", "review",
                "String q = \"select * from review_assignment a join review r on r.call_id = a.call_id\";", tables, entities))
                .isEmpty();
    }

    static String moduleOf(Path source) {
        return SOURCES.relativize(source).getName(0).toString().replace(".java", "");
    }

    static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
