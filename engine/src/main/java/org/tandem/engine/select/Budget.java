package org.tandem.engine.select;

import java.math.BigDecimal;

/** One party's budget for the call, in that party's own currency (no conversion ever happens). */
public record Budget(String party, BigDecimal amount) {
}
