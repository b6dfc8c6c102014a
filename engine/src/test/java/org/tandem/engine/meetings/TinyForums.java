package org.tandem.engine.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random forums small enough for {@link BruteForce}, with every rule given a chance to bind. */
final class TinyForums {

    private TinyForums() {
    }

    static Forum random(long seed, int maxParticipants, int maxPairs) {
        Random rnd = new Random(seed);
        int n = 2 + rnd.nextInt(maxParticipants - 1);
        int slots = 1 + rnd.nextInt(3);
        String[] ids = new String[n];
        int[] max = new int[n];
        boolean[] unavailable = new boolean[n * slots];
        for (int v = 0; v < n; v++) {
            ids[v] = "p" + v;
            max[v] = rnd.nextInt(4);
            for (int s = 0; s < slots; s++) {
                unavailable[v * slots + s] = rnd.nextInt(5) == 0;
            }
        }
        String[] slotIds = new String[slots];
        int[] tables = new int[slots];
        for (int s = 0; s < slots; s++) {
            slotIds[s] = "s" + s;
            tables[s] = rnd.nextInt(4);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (pairs.size() < maxPairs && rnd.nextInt(10) < 6) {
                    // 1-3 one way, or a mutual wish (2-6).
                    int w = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(5) : 1 + rnd.nextInt(3);
                    pairs.add(new int[] {a, b, w});
                }
            }
        }
        int[] first = new int[pairs.size()];
        int[] second = new int[pairs.size()];
        int[] weight = new int[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            first[p] = pairs.get(p)[0];
            second[p] = pairs.get(p)[1];
            weight[p] = pairs.get(p)[2];
        }
        return new Forum(ids, max, slotIds, tables, unavailable, first, second, weight);
    }
}
