package org.tandem.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrToolsTest {

    @TempDir
    Path cache;

    @AfterEach
    void restore() {
        System.clearProperty(OrTools.CACHE_PROPERTY);
    }

    @Test
    void theLibrariesAreUnpackedOnceAndFoundAgainByTheSameName() throws Exception {
        System.setProperty(OrTools.CACHE_PROPERTY, cache.toString());
        Path dir = OrTools.unpacked();
        assertThat(dir).isNotNull().startsWith(cache);
        Path jni = dir.resolve(System.mapLibraryName("jniortools"));
        assertThat(jni).isRegularFile();
        assertThat(Files.size(jni)).isPositive();
        FileTime written = Files.getLastModifiedTime(jni);

        assertThat(OrTools.unpacked()).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(jni)).isEqualTo(written);
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).containsExactly(dir); // no half-filled directory stays behind
        }
    }

    @Test
    void processesThatUnpackAtTheSameTimeEndWithOneCompleteCopy() throws Exception {
        System.setProperty(OrTools.CACHE_PROPERTY, cache.toString());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Path>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(OrTools::unpacked);
            }
            List<Path> dirs = new ArrayList<>();
            for (Future<Path> f : pool.invokeAll(tasks)) {
                dirs.add(f.get());
            }
            assertThat(dirs).containsOnly(dirs.get(0));
            try (Stream<Path> left = Files.list(cache)) {
                assertThat(left).containsExactly(dirs.get(0));
            }
            try (Stream<Path> files = Files.list(dirs.get(0))) {
                assertThat(files.count()).isGreaterThan(10);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSolverRunsOnTheLoadedLibraries() {
        OrTools.load();
        com.google.ortools.sat.CpModel model = new com.google.ortools.sat.CpModel();
        com.google.ortools.sat.BoolVar x = model.newBoolVar("x");
        model.maximize(x);
        com.google.ortools.sat.CpSolver solver = new com.google.ortools.sat.CpSolver();
        assertThat(solver.solve(model)).isEqualTo(com.google.ortools.sat.CpSolverStatus.OPTIMAL);
        assertThat(solver.booleanValue(x)).isTrue();
    }
}
