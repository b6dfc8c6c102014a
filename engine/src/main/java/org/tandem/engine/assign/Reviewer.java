package org.tandem.engine.assign;

/** An expert of one reviewer group (e.g. one party's pool) with a load range. */
public record Reviewer(String id, String group, int maxLoad, int minLoad) {
}
