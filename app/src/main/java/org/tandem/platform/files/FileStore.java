package org.tandem.platform.files;

import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Where uploaded files live. The default keeps them under the data directory; with
 * {@code tandem.files.s3.bucket} set they live in an S3-compatible object store.
 */
public interface FileStore {

    /** Stores the bytes under a new key and returns it. */
    String put(byte[] bytes);

    InputStream get(String key);

    void delete(String key);

    /** Every stored key, for backups. The caller closes the stream. */
    Stream<String> keys();

    /** Stores bytes under a key taken from a backup. */
    void restore(String key, InputStream bytes);

    /** A key as {@link #put} makes it: nothing else may reach the store (no path tricks). */
    static boolean isKey(String key) {
        return key != null && key.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
