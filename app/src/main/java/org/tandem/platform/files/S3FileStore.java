package org.tandem.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Stream;
import org.tandem.platform.TandemSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in an S3-compatible bucket, so every node sees every upload. A PUT is atomic on S3: an
 * object is either there whole or not at all, the same promise the local store keeps with its
 * temporary file and rename.
 */
final class S3FileStore implements FileStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3FileStore(TandemSettings.S3 settings) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(blank(settings.region()) ? "us-east-1" : settings.region()))
                .forcePathStyle(settings.pathStyle() == null ? !blank(settings.endpoint()) : settings.pathStyle());
        if (!blank(settings.endpoint())) {
            b.endpointOverride(URI.create(settings.endpoint()));
        }
        b.credentialsProvider(blank(settings.accessKey()) ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        this.s3 = b.build();
        this.bucket = settings.bucket();
        String p = blank(settings.prefix()) ? "" : settings.prefix();
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String put(byte[] bytes) {
        String key = UUID.randomUUID().toString();
        s3.putObject(r -> r.bucket(bucket).key(object(key)), RequestBody.fromBytes(bytes));
        return key;
    }

    @Override
    public void restore(String key, InputStream bytes) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(object(key)), RequestBody.fromBytes(bytes.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(object(key)));
        } catch (NoSuchKeyException e) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("no stored file " + key));
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(object(key)));
    }

    @Override
    public Stream<String> keys() {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).map(k -> k.substring(prefix.length())).filter(FileStore::isKey);
    }

    private String object(String key) {
        if (!FileStore.isKey(key)) {
            throw new IllegalArgumentException("not a file key: " + key);
        }
        return prefix + key;
    }

    @Override
    public void close() {
        s3.close();
    }
}
