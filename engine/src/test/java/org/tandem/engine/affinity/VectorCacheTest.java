package org.tandem.engine.affinity;

import org.tandem.engine.io.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {

    @TempDir
    Path dir;

    /** Counts what it is asked to embed; vectors are a deterministic function of the text. */
    private static final class CountingEmbedder implements TextVectors {
        final List<String> asked = new ArrayList<>();

        @Override
        public float[][] vectors(List<String> texts) {
            asked.addAll(texts);
            float[][] out = new float[texts.size()][Embeddings.DIMENSION];
            for (int i = 0; i < texts.size(); i++) {
                Random r = new Random(texts.get(i).hashCode());
                for (int d = 0; d < Embeddings.DIMENSION; d++) {
                    out[i][d] = (float) r.nextGaussian();
                }
            }
            return out;
        }
    }

    @Test
    void hashIsSha256OfTheNormalisedText() {
        // SHA-256("abc"), the FIPS 180-2 test vector
        assertThat(Embeddings.hash("  abc\n")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Embeddings.hash("solar\t\tcells")).isEqualTo(Embeddings.hash("solar cells"));
        // NFC: "e" + combining acute equals the precomposed letter
        assertThat(Embeddings.hash("caf\u0065\u0301")).isEqualTo(Embeddings.hash("caf\u00e9"));
        assertThat(Embeddings.hash("Solar cells")).isNotEqualTo(Embeddings.hash("solar cells"));
        assertThat(Embeddings.document(" Title ", "")).isEqualTo("Title");
        assertThat(Embeddings.document("Title", "Abstract  text")).isEqualTo("Title\nAbstract text");
    }

    @Test
    void secondRunFindsEveryVectorAndEmbedsNothing() throws Exception {
        CountingEmbedder first = new CountingEmbedder();
        VectorCache a = VectorCache.open(dir, first);
        float[][] v1 = a.vectors(List.of("perovskite films", "dengue  vaccine", "perovskite films"));
        assertThat(first.asked).containsExactly("perovskite films", "dengue vaccine"); // each distinct text once
        assertThat(a.computed()).isEqualTo(2);

        CountingEmbedder second = new CountingEmbedder();
        VectorCache b = VectorCache.open(dir, second);
        assertThat(b.size()).isEqualTo(2);
        float[][] v2 = b.vectors(List.of("dengue vaccine", "perovskite   films"));
        assertThat(second.asked).isEmpty();
        assertThat(b.hits()).isEqualTo(2);
        assertThat(v2[0]).containsExactly(v1[1]);
        assertThat(v2[1]).containsExactly(v1[0]);

        b.vectors(List.of("new text"));
        assertThat(second.asked).containsExactly("new text");
        assertThat(VectorCache.open(dir, new CountingEmbedder()).size()).isEqualTo(3);
    }

    @Test
    void aTornLastRecordIsDroppedAndAForeignFileIsBadInput() throws Exception {
        VectorCache a = VectorCache.open(dir, new CountingEmbedder());
        a.vectors(List.of("one", "two"));
        Path file = dir.resolve(Embeddings.MODEL + ".vectors");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100)); // as if killed mid-write
        CountingEmbedder again = new CountingEmbedder();
        VectorCache b = VectorCache.open(dir, again);
        assertThat(b.size()).isEqualTo(1);
        b.vectors(List.of("one", "two"));
        assertThat(again.asked).hasSize(1);
        assertThat(VectorCache.open(dir, new CountingEmbedder()).size()).isEqualTo(2);

        Files.writeString(file, "proposal_id,reviewer_id,score\n");
        assertThatThrownBy(() -> VectorCache.open(dir, new CountingEmbedder()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a vector cache");
    }

    @Test
    void tiledProductEqualsPlainDotProducts() {
        Random r = new Random(7);
        int papers = PaperMatrix.TILE * 2 + 37; // a partial last tile
        float[][] pv = new float[papers][Embeddings.DIMENSION];
        for (float[] v : pv) {
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) r.nextGaussian();
            }
        }
        PaperMatrix m = new PaperMatrix(pv);
        float[][] q = new float[3][Embeddings.DIMENSION];
        for (float[] v : q) {
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) r.nextGaussian();
            }
        }
        float[][] out = new float[3][m.paddedLength()];
        m.similarities(q, out);
        for (int b = 0; b < 3; b++) {
            for (int p = 0; p < papers; p++) {
                assertThat((double) out[b][p]).isCloseTo(AffinityModel.dot(q[b], pv[p]), within(1e-3));
            }
        }
        assertThat(m.vector(papers - 1)).containsExactly(pv[papers - 1]);
    }

    @Test
    void realModelGivesUnitVectorsAndRelatedTextsAreCloser() throws IOException {
        float[] a = Embeddings.embed("Lithium-ion battery cathode degradation");
        float[] b = Embeddings.embed("Why rechargeable car batteries wear out");
        float[] c = Embeddings.embed("Dengue fever transmission by mosquitoes");
        assertThat(a).hasSize(Embeddings.DIMENSION);
        assertThat(AffinityModel.dot(a, a)).isCloseTo(1.0, within(1e-4));
        assertThat(AffinityModel.dot(a, b)).isGreaterThan(AffinityModel.dot(a, c));
        assertThat(Embeddings.embed("  ")).containsOnly(0f);
    }
}
