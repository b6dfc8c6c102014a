package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import com.tngtech.archunit.core.domain.JavaClass;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of DESIGN.md, verified by Spring Modulith: no cycles, no module reaching into
 * another's internals (only published types and the platform's named interfaces), and the
 * module documentation in {@code docs/modules/} written from the same model at every build.
 * The engine is a plain library (checked by its own rules), not a module of the application.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class,
            JavaClass.Predicates.resideInAPackage("org.tandem.engine.."));

    @Test
    void modulesVerify() {
        MODULES.verify();
    }

    /** Modulith sees types, not visibility: a public repository would let another module write a module's tables. */
    @Test
    void repositoriesStayPackagePrivate() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAssignableTo(org.springframework.data.repository.Repository.class)
                .should().notHaveModifier(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                .allowEmptyShould(true)
                .check(new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tandem"));
    }

    /**
     * Spring's {@code @Scheduled} runs on every node behind the load balancer (scheduling stays on
     * for Spring Session's clean-up of expired sessions, which is harmless to repeat); Tandem's
     * jobs use {@code @ClusterScheduled}, which runs each job once across nodes.
     */
    @Test
    void jobsRunOnceAcrossNodes() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
                .should().beAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
                .check(new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.tandem"));
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeDocumentation();
        assertThat(java.nio.file.Path.of("../docs/modules/components.puml")).exists();
    }
}
