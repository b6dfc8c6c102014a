package org.tandem.platform.files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.platform.TandemSettings;

/** The file store the settings ask for; the operations commands build it the same way as the server. */
@Configuration(proxyBeanMethods = false)
public class FileStores {

    @Bean
    FileStore fileStore(TandemSettings settings) {
        return fromSettings(settings);
    }

    public static FileStore fromSettings(TandemSettings settings) {
        return settings.files().onS3() ? new S3FileStore(settings.files().s3())
                : new LocalFileStore(settings.dataDir().resolve("files"));
    }
}
