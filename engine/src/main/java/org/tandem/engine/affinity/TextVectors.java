package org.tandem.engine.affinity;

import java.util.List;

/**
 * Where the hybrid model gets the sentence embeddings of texts: computed on the spot
 * ({@link #COMPUTED}), from a {@link VectorCache} directory (the CLI), or from the application's
 * store keyed by {@link Embeddings#hash}. Each vector is unit length, {@link Embeddings#DIMENSION} long.
 */
@FunctionalInterface
public interface TextVectors {

    TextVectors COMPUTED = Embeddings::embedAll;

    /** One vector per text, in order. */
    float[][] vectors(List<String> texts);
}
