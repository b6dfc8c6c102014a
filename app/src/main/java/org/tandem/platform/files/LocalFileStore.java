package org.tandem.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

/** Files under {@code $TANDEM_DATA_DIR/files}, written to a temporary name first so a crash never leaves half a file. */
final class LocalFileStore implements FileStore {

    private final Path root;

    LocalFileStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public String put(byte[] bytes) {
        String key = UUID.randomUUID().toString();
        write(key, new java.io.ByteArrayInputStream(bytes));
        return key;
    }

    @Override
    public void restore(String key, InputStream bytes) {
        write(key, bytes);
    }

    private void write(String key, InputStream bytes) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), key, ".part");
            Files.copy(bytes, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
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

    @Override
    public Stream<String> keys() {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try {
            return Files.walk(root, 2).filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).filter(FileStore::isKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String key) {
        if (!FileStore.isKey(key)) {
            throw new IllegalArgumentException("not a file key: " + key);
        }
        // Two levels of directories keep any one directory small.
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
