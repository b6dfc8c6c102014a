package org.tandem.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** MANIFEST: one {@code <sha256>  <relative path>} line per file, as {@code sha256sum} writes and checks it. */
final class Manifest {

    static final String FILE_NAME = "MANIFEST";

    private Manifest() {
    }

    static void write(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path p : files(dir)) {
            lines.add(sha256(p) + "  " + relative(dir, p));
        }
        Files.write(dir.resolve(FILE_NAME), lines, StandardCharsets.UTF_8);
    }

    /** Every listed file is there with its sum, and nothing unlisted lies beside them. */
    static void verify(Path dir) throws IOException {
        Path manifest = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            throw new Operations.Refused(manifest + ": missing; not a Tandem backup");
        }
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = manifest + " line " + (i + 1) + ": ";
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}") || !line.startsWith("  ", 64)) {
                throw new Operations.Refused(where + "not '<sha256>  <file>'");
            }
            String name = line.substring(66);
            Path file = dir.resolve(name).normalize();
            if (!file.startsWith(dir) || name.contains("\\")) {
                throw new Operations.Refused(where + name + ": outside the backup");
            }
            if (!Files.isRegularFile(file)) {
                throw new Operations.Refused(where + name + ": missing");
            }
            if (!sha256(file).equals(line.substring(0, 64))) {
                throw new Operations.Refused(where + name + ": SHA-256 does not match (the file was altered or damaged)");
            }
            listed.add(name);
        }
        for (Path p : files(dir)) {
            if (!listed.contains(relative(dir, p))) {
                throw new Operations.Refused(manifest + ": " + relative(dir, p) + " is in the backup but not listed");
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.equals(dir.resolve(FILE_NAME))).sorted().toList();
        }
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
