package io.arbiter.core.review;

import java.util.Locale;

/**
 * Which rows may be promoted as worked examples and which are held out to check them, by a project's seed. A row's
 * side is a 64-bit mix of the seed and the row number alone, so it never depends on which rows were reviewed or in
 * what order; about {@code share} of all rows are held out.
 *
 * @param seed  the project's seed, drawn once when the project first needs a split and kept with it
 * @param share the share of rows held out, from 0 (none: every reviewed row may be an example) to below 1
 */
public record HeldOutSplit(long seed, double share) {

    /** A quarter of the rows: enough to see a prompt fitting its examples, most rows still promotable. */
    public static final double DEFAULT_SHARE = 0.25;

    /** No row held out: a review without a project to keep a seed in. */
    public static final HeldOutSplit NONE = new HeldOutSplit(0, 0);

    public HeldOutSplit {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("The held-out share must be at least 0 and below 1, not " + share);
        }
    }

    /** True when some rows are held out. */
    public boolean holdsOut() {
        return share > 0;
    }

    /** True when the row checks the examples and may never be one. */
    public boolean heldOut(int row) {
        if (share == 0) {
            return false;
        }
        // The top 53 bits of the mix as a uniform draw in [0, 1): below the share holds the row out.
        double draw = (mix(seed ^ mix(row)) >>> 11) * 0x1.0p-53;
        return draw < share;
    }

    /** The same seed with another share. */
    public HeldOutSplit withShare(double newShare) {
        return new HeldOutSplit(seed, newShare);
    }

    /** Why the row cannot be promoted, in the words the workbench and the CLI show. */
    public String refusal(int row) {
        return "Row " + (row + 1) + " is held out (" + percent() + " of rows, seeded per project) to check the worked"
                + " examples on rows the judge has not seen: it cannot be an example.";
    }

    /** The share as a whole percentage, "25%". */
    public String percent() {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014): every input bit moves about half the output bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
