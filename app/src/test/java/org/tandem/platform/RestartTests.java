package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tandem.TandemApplication;
import org.tandem.platform.security.Accounts;
import org.tandem.programme.Programmes;

/** Data entered before a stop is there after the next start; the demo is not created twice. */
class RestartTests {

    ConfigurableApplicationContext start(Path dataDir) {
        return start(dataDir, true);
    }

    /** Command-line arguments, like a real start; they override application.properties. */
    ConfigurableApplicationContext start(Path dataDir, boolean demo) {
        return new SpringApplicationBuilder(TandemApplication.class).run("--server.port=0",
                "--tandem.data-dir=" + dataDir, "--tandem.demo=" + demo, "--logging.level.root=WARN");
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "restart-");
        try (var first = start(dir)) {
            first.getBean(Accounts.class).create(new Accounts.NewAccount("kept.user", "Kept User", null,
                    "a-long-password"), "test");
        }
        try (var second = start(dir)) {
            assertThat(second.getBean(Accounts.class).find("kept.user")).isPresent();
            // The demo (the current programme and the one before it) was created once, not again.
            Programmes programmes = second.getBean(Programmes.class);
            assertThat(programmes.all()).extracting(org.tandem.programme.Programme::getCode)
                    .containsExactly("VN-RU-2021", "VN-RU-2026");
            assertThat(programmes.plans(programmes.byCode("VN-RU-2026").orElseThrow().getId())).hasSize(10);
        }
        assertThat(List.of(dir.resolve("postgres").toFile().list())).contains("PG_VERSION");
    }

    @Test
    void demoAccountsAreRefusedWhenDemoModeIsOff() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "nodemo-");
        try (var withDemo = start(dir)) {
            assertThat(withDemo.getBean(Accounts.class).find("admin")).isPresent();
        }
        try (var production = start(dir, false)) {
            var details = production.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
                    .loadUserByUsername("admin");
            assertThat(details.isEnabled()).isFalse();
        }
    }
}
