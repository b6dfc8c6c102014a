package org.tandem.engine.io;

import com.google.ortools.Loader;

/** OR-Tools' native libraries, loaded once per JVM whichever solver asks first. */
public final class OrTools {

    private static volatile boolean loaded;

    private OrTools() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OrTools.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /**
     * Starts loading in the background. Loading unpacks some 70 MB from the jar, half a second of
     * CPU or more, so a command overlaps it with reading its files. A failure here shows again, and
     * is reported, when the solver loads the libraries itself. The caller may join the thread
     * to tell reading time from waiting time.
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
}
