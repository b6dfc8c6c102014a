package org.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The modular monolith of DESIGN.md, checked: modules talk through public services, never
 * through each other's repositories or internals, and the platform depends on no module.
 */
class ModuleBoundariesTests {

    static final List<String> MODULES = List.of("programme", "directory", "proposal", "review", "selection",
            "project", "innovation", "indicators");

    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tandem");

    @Test
    void thePlatformDependsOnNoDomainModule() {
        noClasses().that().resideInAPackage("org.tandem.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        MODULES.stream().map(m -> "org.tandem." + m + "..").toArray(String[]::new))
                .check(APP);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("org.tandem.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void repositoriesStayInsideTheirModule() {
        classes().that().areAssignableTo(Repository.class).should().notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true).check(APP);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirModule() {
        for (String m : MODULES) {
            noClasses().that().resideOutsideOfPackage("org.tandem." + m + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.tandem." + m + ".internal..")
                    .allowEmptyShould(true).check(APP);
        }
    }

    @Test
    void theEngineIsUsedAsAPlainLibrary() {
        noClasses().that().resideInAPackage("org.tandem.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..")
                .allowEmptyShould(true).check(new ClassFileImporter().importPackages("org.tandem.engine"));
    }
}
