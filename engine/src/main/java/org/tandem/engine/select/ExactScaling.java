package org.tandem.engine.select;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Turns exact decimals into the int64 coefficients CP-SAT needs, without rounding. All values of
 * one group (one party's costs and budget, or all merits) are multiplied by 10^s where s is the
 * largest number of decimals in the group (kopecks: s = 2; whole VND: s = 0), then divided by their
 * greatest common divisor. Dividing matters for VND: costs rounded to millions shrink by 10^6,
 * which keeps the coefficients small and the LP bounds numerically safe. Nothing is lost: the
 * integer constraint is equivalent to the decimal one.
 */
final class ExactScaling {

    /**
     * Sums must stay well inside int64 because CP-SAT rejects models whose linear expressions can
     * overflow; 2^60 leaves room for the solver's own arithmetic.
     */
    static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(60);

    private ExactScaling() {
    }

    /**
     * What one unit of {@link #toUnits} is worth in the values' own terms: gcd ÷ 10^scale (1 when all are 0).
     */
    static BigDecimal unit(List<BigDecimal> values) {
        int scale = 0;
        for (BigDecimal v : values) {
            scale = Math.max(scale, v.stripTrailingZeros().scale());
        }
        BigInteger gcd = BigInteger.ZERO;
        for (BigDecimal v : values) {
            gcd = gcd.gcd(v.movePointRight(scale).toBigIntegerExact());
        }
        return gcd.signum() == 0 ? BigDecimal.ONE : new BigDecimal(gcd).movePointLeft(scale);
    }

    /**
     * @param values non-negative exact decimals
     * @param what   names the group in the error message
     * @return integer units, same order, with the same ratios as {@code values}
     * @throws ArithmeticException if the exact integers do not fit (absurdly many decimals)
     */
    static long[] toUnits(List<BigDecimal> values, String what) {
        int scale = 0;
        for (BigDecimal v : values) {
            scale = Math.max(scale, v.stripTrailingZeros().scale());
        }
        BigInteger[] ints = new BigInteger[values.size()];
        BigInteger gcd = BigInteger.ZERO;
        for (int i = 0; i < ints.length; i++) {
            ints[i] = values.get(i).movePointRight(scale).toBigIntegerExact();
            gcd = gcd.gcd(ints[i]);
        }
        long[] units = new long[ints.length];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < ints.length; i++) {
            BigInteger u = gcd.signum() == 0 ? BigInteger.ZERO : ints[i].divide(gcd);
            sum = sum.add(u);
            units[i] = u.longValue();
        }
        if (sum.compareTo(LIMIT) >= 0) {
            throw new ArithmeticException(what + " need more than 60 bits at exact precision ("
                    + scale + " decimals); round them to fewer decimals");
        }
        return units;
    }
}
