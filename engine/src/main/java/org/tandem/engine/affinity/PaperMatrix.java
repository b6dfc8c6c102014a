package org.tandem.engine.affinity;

/**
 * The embeddings of every publication of the pool, laid out for fast products with many
 * proposal vectors at once. Papers are grouped in tiles of {@link #TILE}; inside a tile the
 * floats are dimension-major ({@code tile[d * TILE + p]}), so the innermost loop is a plain
 * {@code acc[p] += q[d] * tile[d][p]} over consecutive papers, which the JIT turns into SIMD
 * multiply-adds with no horizontal sum. A tile (384 x 256 floats, 384 KiB) stays in the core's
 * L2 cache while a block of proposals is multiplied with it, so the 10,000 x 50,000 product
 * streams the matrix from memory once per block instead of once per proposal.
 */
final class PaperMatrix {

    static final int TILE = 256;
    /** Proposals multiplied per pass over the matrix. */
    static final int BLOCK = 32;

    private static final int DIM = Embeddings.DIMENSION;

    private final float[][] tiles;
    private final int papers;

    PaperMatrix(float[][] vectors) {
        papers = vectors.length;
        int count = (papers + TILE - 1) / TILE;
        tiles = new float[count][DIM * TILE];
        for (int p = 0; p < papers; p++) {
            float[] v = vectors[p];
            float[] tile = tiles[p / TILE];
            int col = p % TILE;
            for (int d = 0; d < DIM; d++) {
                tile[d * TILE + col] = v[d];
            }
        }
    }

    int papers() {
        return papers;
    }

    /** Room for one proposal's similarities: the paper count rounded up to whole tiles. */
    int paddedLength() {
        return tiles.length * TILE;
    }

    /** The paper's vector (a copy), for explanations. */
    float[] vector(int paper) {
        float[] v = new float[DIM];
        float[] tile = tiles[paper / TILE];
        int col = paper % TILE;
        for (int d = 0; d < DIM; d++) {
            v[d] = tile[d * TILE + col];
        }
        return v;
    }

    /**
     * {@code out[b][p] = queries[b] . paper p} for every paper; {@code out[b]} must be
     * {@link #paddedLength} long and is overwritten.
     */
    void similarities(float[][] queries, float[][] out) {
        for (float[] o : out) {
            java.util.Arrays.fill(o, 0f);
        }
        for (int t = 0; t < tiles.length; t++) {
            float[] tile = tiles[t];
            int base = t * TILE;
            for (int b = 0; b < queries.length; b++) {
                multiply(tile, queries[b], out[b], base);
            }
        }
    }

    /** acc[base + p] += sum_d q[d] * tile[d][p], four dimensions per pass to cut loads and stores of acc. */
    private static void multiply(float[] tile, float[] q, float[] acc, int base) {
        for (int d = 0; d < DIM; d += 4) {
            float q0 = q[d];
            float q1 = q[d + 1];
            float q2 = q[d + 2];
            float q3 = q[d + 3];
            int r0 = d * TILE;
            int r1 = r0 + TILE;
            int r2 = r1 + TILE;
            int r3 = r2 + TILE;
            for (int p = 0; p < TILE; p++) {
                acc[base + p] += q0 * tile[r0 + p] + q1 * tile[r1 + p] + q2 * tile[r2 + p] + q3 * tile[r3 + p];
            }
        }
    }
}
