package org.tandem.platform.jobs;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class JobsConfig {

    /**
     * Static and lazy about the data source: a bean post-processor is created before ordinary
     * beans, and must not drag the database into existence that early.
     */
    @Bean
    static ClusterJobs clusterJobs(Environment env, ObjectProvider<DataSource> dataSource) {
        Duration polling = Duration.parse(env.getProperty("tandem.jobs.polling-interval", "PT2S"));
        return new ClusterJobs(env, new LazyDataSource(dataSource), polling);
    }
}
