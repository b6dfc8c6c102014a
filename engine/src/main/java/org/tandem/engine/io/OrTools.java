package org.tandem.engine.io;

import com.google.ortools.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * OR-Tools' native libraries, loaded once per JVM whichever solver asks first.
 *
 * <p>OR-Tools' own loader unpacks its 100 libraries (69 MB) from the jar into a new temporary directory on every
 * start, about half a second of a command's run (0.45–0.53 s against 0.03 s for loading them already unpacked,
 * measured 2026-12-04 on this project's 2-core machine). So they are unpacked once into a cache directory named by
 * a digest of the jar's entries (name, size, CRC: another OR-Tools build gets another directory) and loaded from
 * there. The directory is complete or absent: it is filled under a temporary name, each file forced to disk, then
 * renamed. Where there is no such jar on the class path (an exploded build, a nested Spring Boot jar) or the cache
 * cannot be written, OR-Tools' own loader does it as before. Code that needs the libraries calls {@link #load()}, never
 * {@code Loader.loadNativeLibraries()}: after a load from the cache that would unpack and load a second copy.
 */
public final class OrTools {

    /** Overrides where the unpacked libraries are kept (default: $XDG_CACHE_HOME/tandem, else ~/.cache/tandem). */
    public static final String CACHE_PROPERTY = "tandem.natives.dir";

    private static volatile boolean loaded;

    private OrTools() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    if (!loadCached()) {
                        Loader.loadNativeLibraries();
                    }
                    loaded = true;
                }
            }
        }
    }

    /**
     * Starts loading in the background. Loading takes half a second of CPU the first time on a machine (see
     * above), so a command overlaps it with reading its files. A failure here shows again, and is reported, when the
     * solver loads the libraries itself. The caller may join the thread to tell reading time from waiting time.
     */
    public static Thread loadInBackground() {
        Thread natives = new Thread(() -> {
            try {
                load();
            } catch (Throwable e) {
                // reported by the solver's own attempt
            }
        }, "ortools-natives");
        natives.setDaemon(true);
        natives.start();
        return natives;
    }

    /**
     * The directory that holds this OR-Tools build's libraries, unpacked now if they are not yet; null if they are not
     * in a plain jar on the class path.
     */
    static Path unpacked() throws IOException {
        Path jar = nativesJar();
        if (jar == null) {
            return null;
        }
        Path dir = cacheRoot().resolve(resourcePath().replace("/", "") + "-" + digest(jar));
        if (!Files.isDirectory(dir)) {
            unpack(jar, dir);
        }
        return dir;
    }

    private static boolean loadCached() {
        try {
            Path dir = unpacked();
            if (dir == null) {
                return false;
            }
            System.load(dir.resolve(System.mapLibraryName("jniortools")).toAbsolutePath().toString());
            return true;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return false; // OR-Tools' loader tries its own way; its error, if any, is the one reported
        }
    }

    private static String resourcePath() {
        return "ortools-" + com.sun.jna.Platform.RESOURCE_PREFIX + "/";
    }

    /** The jar file that holds this platform's libraries, or null when they are not in a plain jar file. */
    private static Path nativesJar() {
        URL url = Loader.class.getClassLoader().getResource(resourcePath());
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        String spec = url.getPath(); // file:/path/to.jar!/ortools-linux-x86-64/
        int bang = spec.indexOf("!/");
        if (!spec.startsWith("file:") || bang < 0 || spec.indexOf("!/", bang + 2) >= 0) {
            return null;
        }
        try {
            return Path.of(new URL(spec.substring(0, bang)).toURI());
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Path cacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tandem");
    }

    /** Names, sizes and CRCs of the platform's entries, from the jar's directory (nothing is inflated). */
    private static String digest(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            zip.stream().filter(e -> e.getName().startsWith(resourcePath()) && !e.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .forEach(e -> sha.update((e.getName() + ' ' + e.getSize() + ' ' + e.getCrc() + '\n')
                            .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(Path jar, Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".part-");
        try {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                List<ZipEntry> entries = new ArrayList<>();
                zip.stream().filter(e -> e.getName().startsWith(resourcePath()) && !e.isDirectory()).forEach(entries::add);
                for (ZipEntry e : entries) {
                    Path target = tmp.resolve(e.getName().substring(resourcePath().length())).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("entry outside the directory: " + e.getName());
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target);
                    }
                    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                        ch.force(true); // complete on disk before the rename makes the directory visible
                    }
                }
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
                // another process unpacked the same libraries first (the rename found the name taken); use its copy
            }
            try (FileChannel ch = FileChannel.open(dir.getParent(), StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException e) {
                // some file systems cannot sync a directory; the rename stands or not, never half
            }
        } finally {
            if (Files.exists(tmp)) {
                try (Stream<Path> walk = Files.walk(tmp)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
