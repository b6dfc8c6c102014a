package org.tandem.engine.affinity;

import org.tandem.engine.io.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Sentence embeddings kept on disk between runs, keyed by the SHA-256 of the normalised text
 * ({@link Embeddings#hash}), so a rerun embeds only texts it has not seen and a large run only
 * multiplies vectors. One append-only file per model in the directory: a header, then records of
 * 32 digest bytes and {@link Embeddings#DIMENSION} little-endian floats. New vectors are appended
 * in chunks as they are computed, under a file lock, so an interrupted run keeps what it embedded
 * and two runs sharing the directory do not interleave records; a torn last record is dropped.
 */
public final class VectorCache implements TextVectors {

    private static final byte[] MAGIC = "TANDEM-VECTORS-1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + Integer.BYTES;
    private static final int DIM = Embeddings.DIMENSION;
    private static final int RECORD = 32 + DIM * Float.BYTES;
    private static final int CHUNK = 512;

    private final Path file;
    private final Map<Key, float[]> vectors = new HashMap<>();
    private final TextVectors embedder;
    private long hits;
    private long computed;

    private VectorCache(Path file, TextVectors embedder) {
        this.file = file;
        this.embedder = embedder;
    }

    /** Opens (or creates) the cache in {@code dir}; a file that is not a vector cache is bad input. */
    public static VectorCache open(Path dir) throws BadInputException {
        return open(dir, TextVectors.COMPUTED);
    }

    static VectorCache open(Path dir, TextVectors embedder) throws BadInputException {
        Path file = dir.resolve(Embeddings.MODEL + ".vectors");
        VectorCache cache = new VectorCache(file, embedder);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                cache.load();
            }
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, null, "cannot read the vector cache: " + e.getMessage());
        }
        return cache;
    }

    private void load() throws IOException, BadInputException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            if (size < HEADER || readFully(ch, head, 0) < HEADER || !headerMatches(head)) {
                throw new BadInputException(file.toString(), 0, null,
                        "not a vector cache of " + Embeddings.MODEL + " (" + DIM + " dimensions); remove it or choose another --vectors directory");
            }
            long records = (size - HEADER) / RECORD;
            ByteBuffer buf = ByteBuffer.allocateDirect(RECORD * 1024).order(ByteOrder.LITTLE_ENDIAN);
            long pos = HEADER;
            long left = records;
            while (left > 0) {
                int n = (int) Math.min(left, 1024);
                buf.clear().limit(n * RECORD);
                readFully(ch, buf, pos);
                buf.flip();
                for (int r = 0; r < n; r++) {
                    byte[] digest = new byte[32];
                    buf.get(digest);
                    float[] v = new float[DIM];
                    buf.asFloatBuffer().get(v);
                    buf.position(buf.position() + DIM * Float.BYTES);
                    vectors.put(new Key(digest), v);
                }
                pos += (long) n * RECORD;
                left -= n;
            }
        }
    }

    private static boolean headerMatches(ByteBuffer head) {
        head.flip();
        byte[] magic = new byte[MAGIC.length];
        head.get(magic);
        return Arrays.equals(magic, MAGIC) && head.getInt() == DIM;
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos + total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    /** Vectors held, texts found in the cache, and texts embedded by this instance. */
    public int size() {
        return vectors.size();
    }

    public long hits() {
        return hits;
    }

    public long computed() {
        return computed;
    }

    @Override
    public synchronized float[][] vectors(List<String> texts) {
        int n = texts.size();
        String[] normalised = new String[n];
        Key[] keys = new Key[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            normalised[i] = Embeddings.normalise(texts.get(i));
            keys[i] = new Key(Embeddings.digest(normalised[i]));
        });
        Map<Key, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!vectors.containsKey(keys[i])) {
                missing.putIfAbsent(keys[i], normalised[i]);
            } else {
                hits++;
            }
        }
        List<Key> todo = new ArrayList<>(missing.keySet());
        for (int from = 0; from < todo.size(); from += CHUNK) {
            List<Key> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
            float[][] fresh = embedder.vectors(chunk.stream().map(missing::get).toList());
            append(chunk, fresh);
            for (int i = 0; i < chunk.size(); i++) {
                vectors.put(chunk.get(i), fresh[i]);
            }
            computed += chunk.size();
        }
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = vectors.get(keys[i]);
        }
        return out;
    }

    private void append(List<Key> keys, float[][] fresh) {
        ByteBuffer buf = ByteBuffer.allocate(keys.size() * RECORD).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < keys.size(); i++) {
            buf.put(keys.get(i).digest);
            for (float x : fresh[i]) {
                buf.putFloat(x);
            }
        }
        buf.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            long size = ch.size();
            if (size < HEADER) {
                ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                head.put(MAGIC).putInt(DIM).flip();
                ch.truncate(0);
                ch.write(head, 0);
                size = HEADER;
            }
            long end = HEADER + (size - HEADER) / RECORD * RECORD; // drop a torn record
            ch.truncate(end);
            while (buf.hasRemaining()) {
                end += ch.write(buf, end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the vector cache", e);
        }
    }

    private record Key(byte[] digest) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(digest, k.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }
    }
}
