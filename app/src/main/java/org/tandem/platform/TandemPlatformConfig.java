package org.tandem.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TandemSettings.class)
@org.springframework.scheduling.annotation.EnableScheduling
// Reactions to events (@ApplicationModuleListener) run after the commit on their own thread and
// transaction; the event publication registry keeps each one until it has completed.
@org.springframework.scheduling.annotation.EnableAsync
class TandemPlatformConfig {

    /** One clock for every decision that depends on time, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
