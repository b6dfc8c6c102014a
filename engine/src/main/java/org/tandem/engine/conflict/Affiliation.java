package org.tandem.engine.conflict;

/**
 * A period an expert worked at an organisation.
 *
 * @param fromYear may be null (unknown start)
 * @param toYear   null while the expert is still there
 */
public record Affiliation(String organisation, Integer fromYear, Integer toYear) {

    public Affiliation {
        if (organisation == null || organisation.isBlank()) {
            throw new IllegalArgumentException("organisation is required");
        }
        if (fromYear != null && toYear != null && toYear < fromYear) {
            throw new IllegalArgumentException("to (" + toYear + ") is before from (" + fromYear + ")");
        }
    }

    public static Affiliation current(String organisation) {
        return new Affiliation(organisation, null, null);
    }

    /** Still there, or left at most {@code years} years before {@code currentYear}. */
    boolean within(int years, int currentYear) {
        return toYear == null || currentYear - toYear <= years;
    }

    String period() {
        return (fromYear == null ? "?" : fromYear.toString()) + "–" + (toYear == null ? "now" : toYear.toString());
    }
}
