package org.tandem.platform.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input before anything is stored, so the user sees them all at once. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public Problems add(String field, String code, Object... args) {
        list.add(Problem.of(field, code, args));
        return this;
    }

    public Problems require(boolean condition, String field, String code, Object... args) {
        if (!condition) {
            add(field, code, args);
        }
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws when anything was found; call it before the first write. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list());
        }
    }
}
