package org.tandem.platform;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TandemSettings.class)
@org.springframework.scheduling.annotation.EnableScheduling
class TandemPlatformConfig {

    /** One clock for every decision that depends on time, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
