package org.tandem.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tandem.platform.TandemSettings;

/** Files under {@code $TANDEM_DATA_DIR/files}, written to a temporary name first so a crash never leaves half a file. */
@Component
class LocalFileStore implements FileStore {

    private final Path root;

    LocalFileStore(TandemSettings settings) {
        this.root = settings.dataDir().resolve("files").toAbsolutePath();
    }

    @Override
    public String put(byte[] bytes) {
        String key = UUID.randomUUID().toString();
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), key, ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a file in " + root, e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return Files.newInputStream(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        if (!key.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a file key: " + key);
        }
        // Two levels of directories keep any one directory small.
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
