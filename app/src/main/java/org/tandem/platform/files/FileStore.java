package org.tandem.platform.files;

import java.io.InputStream;

/**
 * Where uploaded files live. The default keeps them under the data directory; an
 * S3-compatible store can implement the same three operations.
 */
public interface FileStore {

    /** Stores the bytes under a new key and returns it. */
    String put(byte[] bytes);

    InputStream get(String key);

    void delete(String key);
}
