package org.tandem.engine.meetings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.engine.io.CsvTable;
import org.tandem.engine.io.IdTable;

/**
 * Reads the three files of the {@code meetings} contract into a {@link Forum}, refusing anything
 * ambiguous with the file, line and field named: slots first (participants name them), then
 * participants (wishes name them), then wishes.
 */
final class ForumFiles {

    private ForumFiles() {
    }

    static Forum read(Path participantsFile, Path wishesFile, Path slotsFile) {
        IdTable slotIds = new IdTable();
        List<Integer> tables = new ArrayList<>();
        CsvTable.read(slotsFile, List.of("slot_id", "tables"), row -> {
            String id = row.text("slot_id");
            if (slotIds.find(id) >= 0) {
                throw row.error("slot_id", "duplicate slot " + id);
            }
            if (id.indexOf(';') >= 0) {
                // `unavailable` separates slot ids with ';', so such an id could never be named there.
                throw row.error("slot_id", "slot id " + id + " contains ';'");
            }
            slotIds.add(id);
            tables.add(row.nonNegativeInt("tables"));
        });
        int slots = slotIds.size();
        IdTable participantIds = new IdTable();
        List<Integer> max = new ArrayList<>();
        List<int[]> away = new ArrayList<>();
        CsvTable.read(participantsFile, List.of("participant_id", "max_meetings"), row -> {
            String id = row.text("participant_id");
            if (participantIds.find(id) >= 0) {
                throw row.error("participant_id", "duplicate participant " + id);
            }
            participantIds.add(id);
            max.add(row.nonNegativeInt("max_meetings"));
            String unavailable = row.optional("unavailable");
            List<Integer> list = new ArrayList<>();
            if (unavailable != null) {
                for (String part : unavailable.split(";", -1)) {
                    String slot = part.strip();
                    if (slot.isEmpty()) {
                        continue;
                    }
                    int s = slotIds.find(slot);
                    if (s < 0) {
                        throw row.error("unavailable", "unknown slot " + slot + " (not in " + slotsFile + ")");
                    }
                    list.add(s);
                }
            }
            away.add(list.stream().mapToInt(Integer::intValue).toArray());
        });
        int n = participantIds.size();
        boolean[] unavailable = new boolean[n * slots];
        for (int v = 0; v < n; v++) {
            for (int s : away.get(v)) {
                unavailable[v * slots + s] = true;
            }
        }
        Map<Long, Integer> pairOf = new HashMap<>();
        Map<Long, Integer> wishLine = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        CsvTable.read(wishesFile, List.of("requester_id", "target_id", "priority"), row -> {
            int r = participant(row, "requester_id", participantIds, participantsFile);
            int t = participant(row, "target_id", participantIds, participantsFile);
            if (r == t) {
                throw row.error("target_id", participantIds.name(r) + " wishes to meet itself");
            }
            int priority = row.nonNegativeInt("priority");
            if (priority < 1 || priority > 3) {
                throw row.error("priority", "must be 1, 2 or 3, got " + priority);
            }
            Integer earlier = wishLine.putIfAbsent((long) r * n + t, row.line());
            if (earlier != null) {
                throw row.error("target_id", "duplicate wish " + participantIds.name(r) + " -> "
                        + participantIds.name(t) + " (first on line " + earlier + ")");
            }
            int a = Math.min(r, t);
            int b = Math.max(r, t);
            Integer p = pairOf.get((long) a * n + b);
            if (p == null) {
                pairOf.put((long) a * n + b, pairs.size());
                pairs.add(new int[] {a, b, priority});
            } else {
                // The same pair wished both ways: one meeting, worth both wishes.
                pairs.get(p)[2] += priority;
            }
        });
        int[] first = new int[pairs.size()];
        int[] second = new int[pairs.size()];
        int[] weight = new int[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            first[p] = pairs.get(p)[0];
            second[p] = pairs.get(p)[1];
            weight[p] = pairs.get(p)[2];
        }
        String[] pIds = new String[n];
        int[] maxMeetings = new int[n];
        for (int v = 0; v < n; v++) {
            pIds[v] = participantIds.name(v);
            maxMeetings[v] = max.get(v);
        }
        String[] sIds = new String[slots];
        int[] t = new int[slots];
        for (int s = 0; s < slots; s++) {
            sIds[s] = slotIds.name(s);
            t[s] = tables.get(s);
        }
        return new Forum(pIds, maxMeetings, sIds, t, unavailable, first, second, weight);
    }

    private static int participant(CsvTable.Row row, String column, IdTable ids, Path participantsFile) {
        int v = row.find(column, ids);
        if (v < 0) {
            throw row.error(column, "unknown participant " + row.text(column) + " (not in " + participantsFile + ")");
        }
        return v;
    }

}
