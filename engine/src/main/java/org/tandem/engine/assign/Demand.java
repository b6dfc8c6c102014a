package org.tandem.engine.assign;

/** A proposal needs {@code required} experts from {@code group}. */
public record Demand(String proposalId, String group, int required) {
}
