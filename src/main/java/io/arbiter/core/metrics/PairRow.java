package io.arbiter.core.metrics;

import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One row of a pairwise run as its figures count it: the judge's verdict in each order asked, and a person's
 * preference if there is one.
 *
 * @param aFirst  the judge's winner with answer A shown first; null when not parsed or not answered
 * @param bFirst  the judge's winner with answer B shown first, in the places shown (its A is answer B, not mapped
 *                back, so the first-position rate can read it as it is); null when not parsed, not answered or not
 *                asked
 * @param swapped whether the run asks both orders; a row of a run that does not swap has no {@code bFirst}
 * @param human   the person's preference between answers A and B; null when none
 */
public record PairRow(Preference aFirst, Preference bFirst, boolean swapped, Preference human) {

    public PairRow {
        if (!swapped && bFirst != null) {
            throw new IllegalArgumentException(
                    "A verdict with B shown first (" + bFirst + ") in a run without the swap");
        }
    }

    /** Both orders mapped back to the answers when the run swaps, else the A-first verdict alone. */
    public PairOutcome outcome() {
        return swapped ? PairOutcome.of(aFirst, bFirst) : PairOutcome.of(aFirst);
    }

    /** The parsed verdicts of the orders asked, each in the places shown: what the first-position rate counts. */
    Stream<Preference> shownVerdicts() {
        return Stream.of(aFirst, bFirst).filter(Objects::nonNull);
    }
}
