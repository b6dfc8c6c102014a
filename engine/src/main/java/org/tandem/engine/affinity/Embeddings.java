package org.tandem.engine.affinity;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Sentence embeddings of proposal and publication texts: the quantised all-MiniLM-L6-v2 model,
 * which ships inside its Maven artifact (nothing is downloaded at run time). Embedding costs
 * milliseconds per text, so callers keep each vector under {@link #hash} of its text (the CLI in
 * a {@link VectorCache} directory, the application in its database) and large runs then only
 * multiply vectors.
 */
public final class Embeddings {

    /** Name of the model, to store next to a vector so vectors of different models never mix. */
    public static final String MODEL = "all-MiniLM-L6-v2-q";
    public static final int DIMENSION = 384;

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Embeddings() {
    }

    /**
     * The text embedded for a publication or a proposal: title and abstract, one per line (the
     * model reads both; a title alone is still a usable text). Callers that store vectors hash
     * this text, so the engine finds their vectors.
     */
    public static String document(String title, String abstractText) {
        String t = normalise(title);
        String a = normalise(abstractText);
        return t.isEmpty() ? a : a.isEmpty() ? t : t + "\n" + a;
    }

    /** The model is some 23 MB of ONNX; load it on first use, once per JVM. */
    private static final class Model {
        static final AllMiniLmL6V2QuantizedEmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /**
     * The text as the model sees it, up to layout: Unicode NFC, runs of white space as one space,
     * trimmed. Two texts differing only in layout share one vector.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@link #normalise normalise(text)}: the vector's key. */
    public static String hash(String text) {
        return HexFormat.of().formatHex(digest(normalise(text)));
    }

    static byte[] digest(String normalised) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The unit-length embedding of a text ({@link #DIMENSION} floats); all zeros for a blank text,
     * so that it is similar to nothing.
     */
    public static float[] embed(String text) {
        String t = normalise(text);
        if (t.isEmpty()) {
            return new float[DIMENSION];
        }
        float[] v = Model.INSTANCE.embed(t).content().vector();
        return unit(v);
    }

    /** {@link #embed} of each text, in order, on all cores. */
    public static float[][] embedAll(List<String> texts) {
        float[][] out = new float[texts.size()][];
        IntStream.range(0, texts.size()).parallel().forEach(i -> out[i] = embed(texts.get(i)));
        return out;
    }

    /** The model already normalises; normalising again keeps dot product = cosine whatever it does. */
    private static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
