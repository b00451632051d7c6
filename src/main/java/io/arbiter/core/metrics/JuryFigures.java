package io.arbiter.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a jury of K judges can be trusted, from the readings already paid for: each juror and the jury's majority
 * ({@link Majority}) against a reference category per row (the truth, else a person's verdict; null where there is
 * none), Fleiss' kappa and Krippendorff's nominal alpha among the jurors, the juror-by-juror agreement (of the rows
 * both read, the share where they agree), and the cheapest subset of jurors whose majority reaches a kappa.
 */
public final class JuryFigures {

    /** The most jurors {@link #cheapestSubset} searches: 2^12 − 1 = 4,095 subsets. */
    public static final int MOST_JURORS_SEARCHED = 12;

    private final Ratings ratings;
    private final List<String> reference;
    private final double[] costs;
    private final Bootstrap bootstrap;
    private final List<Integer> labelledRows;
    private final List<JurorFigures> jurors;
    private final JuryMajority jury;
    private final List<Majority> majorities;
    private final FleissKappa fleiss;
    private final KrippendorffAlpha alpha;

    private JuryFigures(Ratings ratings, List<String> reference, double[] costs, Bootstrap bootstrap) {
        this.ratings = ratings;
        this.reference = reference;
        this.costs = costs;
        this.bootstrap = bootstrap;
        List<Integer> labelled = new ArrayList<>();
        List<Majority> rowMajorities = new ArrayList<>(ratings.size());
        for (int i = 0; i < ratings.size(); i++) {
            rowMajorities.add(Majority.of(ratings.rows().get(i)));
            if (reference.get(i) != null && ratings.readingCount(i) > 0) {
                labelled.add(i);
            }
        }
        this.labelledRows = List.copyOf(labelled);
        this.majorities = List.copyOf(rowMajorities);
        List<JurorFigures> figures = new ArrayList<>();
        for (int j = 0; j < ratings.raters(); j++) {
            figures.add(juror(j));
        }
        this.jurors = List.copyOf(figures);
        List<Integer> everyone = new ArrayList<>();
        for (int j = 0; j < ratings.raters(); j++) {
            everyone.add(j);
        }
        this.jury = majority(everyone);
        this.fleiss = FleissKappa.of(ratings, bootstrap);
        this.alpha = KrippendorffAlpha.nominal(ratings, bootstrap);
    }

    /** The figures of a jury with the standard bootstrap. */
    public static JuryFigures of(Ratings jurors, List<String> reference, double[] costs) {
        return of(jurors, reference, costs, Bootstrap.standard());
    }

    /**
     * The figures of a jury.
     *
     * @param jurors    the jurors' readings, one rater per juror, named by model
     * @param reference each row's reference category, null where the row has none (same order as the rows)
     * @param costs     each juror's cost in rater order, NaN where unknown
     */
    public static JuryFigures of(Ratings jurors, List<String> reference, double[] costs, Bootstrap bootstrap) {
        if (reference.size() != jurors.size()) {
            throw new IllegalArgumentException(reference.size() + " references for " + jurors.size() + " rows");
        }
        if (costs.length != jurors.raters()) {
            throw new IllegalArgumentException(costs.length + " costs for " + jurors.raters() + " jurors");
        }
        // Not List.copyOf: a row without a reference is a null.
        return new JuryFigures(
                jurors, Collections.unmodifiableList(new ArrayList<>(reference)), costs.clone(), bootstrap);
    }

    /** Each juror against the reference, in the jury's order. */
    public List<JurorFigures> jurors() {
        return jurors;
    }

    /** The whole jury's majority against the reference. */
    public JuryMajority jury() {
        return jury;
    }

    /** Each row's majority among the jurors, in row order (the jury's verdict; no majority shown apart). */
    public List<Majority> majorities() {
        return majorities;
    }

    /** Fleiss' kappa among the jurors, over the rows every juror read. */
    public FleissKappa fleiss() {
        return fleiss;
    }

    /** Krippendorff's alpha (nominal) among the jurors, missing readings allowed. */
    public KrippendorffAlpha alpha() {
        return alpha;
    }

    /** Of the rows jurors a and b both read, those where they agree; a juror with itself: the rows it read. */
    public Proportion pairAgreement(int a, int b) {
        long both = 0;
        long agree = 0;
        for (List<String> row : ratings.rows()) {
            if (row.get(a) != null && row.get(b) != null) {
                both++;
                agree += row.get(a).equals(row.get(b)) ? 1 : 0;
            }
        }
        return new Proportion(agree, both);
    }

    /** The K × K juror-by-juror agreement, row a column b being {@link #pairAgreement(int, int)}. */
    public List<List<Proportion>> agreementMatrix() {
        List<List<Proportion>> matrix = new ArrayList<>();
        for (int a = 0; a < ratings.raters(); a++) {
            List<Proportion> row = new ArrayList<>();
            for (int b = 0; b < ratings.raters(); b++) {
                row.add(pairAgreement(a, b));
            }
            matrix.add(List.copyOf(row));
        }
        return List.copyOf(matrix);
    }

    /**
     * Over every non-empty subset of the jurors, the majority of the subset against the reference on the labelled
     * rows any juror read (a row none of the subset read has no majority): the cheapest subset whose kappa reaches
     * {@code kappaAtLeast}, ties broken by the higher kappa, then the fewer jurors, then the first in binary order of the jurors' positions. A
     * subset with a juror of unknown cost ranks after every subset of known cost. Empty when none reaches it.
     *
     * @throws IllegalArgumentException with more than {@value #MOST_JURORS_SEARCHED} jurors
     */
    public Optional<JuryMajority> cheapestSubset(double kappaAtLeast) {
        return JurySubsets.cheapest(this, kappaAtLeast).map(this::majority);
    }

    Ratings ratings() {
        return ratings;
    }

    List<String> reference() {
        return reference;
    }

    List<Integer> labelledRows() {
        return labelledRows;
    }

    /** The summed cost of the jurors, NaN when one is unknown. */
    double cost(List<Integer> subset) {
        double sum = 0;
        for (int j : subset) {
            sum += costs[j];
        }
        return sum;
    }

    /** The majority of the jurors in {@code subset} against the reference on the labelled rows, with intervals. */
    JuryMajority majority(List<Integer> subset) {
        List<String> references = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        long agree = 0;
        long noMajority = 0;
        for (int i : labelledRows) {
            String verdict = JurySubsets.majority(ratings.rows().get(i), subset).category();
            references.add(reference.get(i));
            verdicts.add(verdict);
            agree += Objects.equals(verdict, reference.get(i)) ? 1 : 0;
            noMajority += verdict == null ? 1 : 0;
        }
        double cost = cost(subset);
        return new JuryMajority(
                subset.stream().map(ratings.raterNames()::get).toList(),
                Wilson.interval(agree, references.size()),
                CohenKappa.estimate(references, verdicts, bootstrap),
                references.size(),
                noMajority,
                Double.isNaN(cost) ? null : cost);
    }

    private JurorFigures juror(int j) {
        List<String> references = new ArrayList<>();
        List<String> readings = new ArrayList<>();
        long agree = 0;
        for (int i = 0; i < ratings.size(); i++) {
            String reading = ratings.reading(i, j);
            if (reference.get(i) != null && reading != null) {
                references.add(reference.get(i));
                readings.add(reading);
                agree += reading.equals(reference.get(i)) ? 1 : 0;
            }
        }
        return new JurorFigures(
                ratings.raterNames().get(j),
                Wilson.interval(agree, references.size()),
                CohenKappa.estimate(references, readings, bootstrap),
                references.size(),
                Double.isNaN(costs[j]) ? null : costs[j]);
    }
}
