package io.arbiter.core.run;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.metrics.JuryFigures;
import io.arbiter.core.metrics.KrippendorffAlpha;
import io.arbiter.core.metrics.LengthBias;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.Ratings;
import io.arbiter.core.metrics.RepeatFigures;
import io.arbiter.core.metrics.SelfPreference;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.core.verdict.PairJudgement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How far a run's judge can be trusted beyond its agreement figures: how repeatable it is (its repeats), how a jury's
 * members agree with the truth and each other, whether longer answers sway it, and whether it shares a family with the
 * model it judges. Built from a run's rows as the votes left them; definitions are in docs/STATISTICS.md.
 *
 * @param jurors         every juror's model, the provider's judge first
 * @param repeats        across repeats: each repeat's verdict is the jury's majority in that repeat (one juror's own
 *                       with one juror); null when each row was judged once
 * @param jury           each juror's verdict (the majority of its repeats) against the reference, the jury's majority,
 *                       agreement among them; null for one juror
 * @param scoreAlpha     Krippendorff's alpha over the jurors' scores (interval metric); null unless a jury scores
 * @param length         the verbosity probe over the rows with a base answer and a verdict (or score); null for pairs
 * @param selfPreference whether a judge shares the base model's family, and where a jury has both families, the
 *                       difference in acceptance
 * @param labelOrder     true when each repeat showed the labels in its own order: the flip rate is then the
 *                       label-order probe
 */
public record JudgeReliability(
        List<String> jurors,
        RepeatFigures repeats,
        JuryFigures jury,
        KrippendorffAlpha scoreAlpha,
        LengthBias length,
        SelfPreference selfPreference,
        boolean labelOrder) {

    /** The category a verdict that accepts the base answer is read as. */
    public static final String ACCEPTED = Evaluation.CORRECT.name();

    public JudgeReliability {
        jurors = List.copyOf(jurors);
    }

    /** The figures of rows (the run's measured rows) and their ratings (the same rows, in order) under setup. */
    public static JudgeReliability of(JudgeSetup setup, List<RowResult> rows, List<RatedRow> rated) {
        return of(setup.jurors(), setup.baseModel(), setup.panel(), rows, rated, setup.prices());
    }

    /**
     * The figures of rows (the run's measured rows) and their ratings (the same rows, in order).
     *
     * @param jurors    every juror's model, the provider's judge first
     * @param baseModel the model whose answers were judged; null when they came from a column
     * @param prices    what each juror's tokens cost: the run's prices, or its own provider's
     */
    public static JudgeReliability of(
            List<String> jurors,
            String baseModel,
            JudgePanel panel,
            List<RowResult> rows,
            List<RatedRow> rated,
            JurorPrices prices) {
        if (rows.size() != rated.size()) {
            throw new IllegalArgumentException(rows.size() + " rows and " + rated.size() + " ratings");
        }
        boolean pairs = rows.stream().anyMatch(RowResult::paired);
        LengthBias length = pairs ? null : length(rows);
        List<String> reference = new ArrayList<>(rows.size());
        for (RatedRow row : rated) {
            reference.add(reference(row));
        }
        RepeatFigures repeats = panel.repeats() > 1 ? RepeatFigures.of(repeatRatings(rows, panel)) : null;
        JuryFigures jury = null;
        KrippendorffAlpha scoreAlpha = null;
        SelfPreference self;
        if (panel.jury()) {
            Ratings verdicts = jurorRatings(rows, jurors, false);
            jury = JuryFigures.of(verdicts, reference, costs(rows, jurors.size(), prices));
            if (rows.stream().anyMatch(r -> r.judgement() instanceof JudgeScore)) {
                scoreAlpha = KrippendorffAlpha.interval(jurorRatings(rows, jurors, true));
            }
            self = baseModel == null ? null : SelfPreference.of(baseModel, verdicts, ACCEPTED);
        } else {
            self = baseModel == null ? null : SelfPreference.of(baseModel, jurors);
        }
        return new JudgeReliability(jurors, repeats, jury, scoreAlpha, length, self, panel.shuffleLabels());
    }

    /** The verdict the judge should give: CORRECT when the base answer is right (truth, else a person), if known. */
    private static String reference(RatedRow row) {
        if (row.scored().base() == null || !row.scored().base().parsed()) {
            return null;
        }
        TruthMatch reference = row.reference();
        if (!reference.scored()) {
            return null;
        }
        return reference == TruthMatch.RIGHT ? Evaluation.CORRECT.name() : Evaluation.INCORRECT.name();
    }

    /** One rater per repeat: the jury's majority in that repeat (no majority reads as no reading). */
    private static Ratings repeatRatings(List<RowResult> rows, JudgePanel panel) {
        List<String> names = new ArrayList<>();
        for (int repeat = 1; repeat <= panel.repeats(); repeat++) {
            names.add("repeat " + repeat);
        }
        List<List<String>> readings = new ArrayList<>(rows.size());
        for (RowResult row : rows) {
            List<String> line = new ArrayList<>(panel.repeats());
            for (int repeat = 0; repeat < panel.repeats(); repeat++) {
                line.add(row.votes() == null ? null : verdict(row.votes().repeat(repeat)));
            }
            readings.add(line);
        }
        return new Ratings(names, readings);
    }

    /** One rater per juror: its verdict over its repeats, or with {@code scores} its score written out. */
    private static Ratings jurorRatings(List<RowResult> rows, List<String> jurors, boolean scores) {
        List<List<String>> readings = new ArrayList<>(rows.size());
        for (RowResult row : rows) {
            List<String> line = new ArrayList<>(jurors.size());
            for (int juror = 0; juror < jurors.size(); juror++) {
                Judgement reading = row.votes() == null ? null : row.votes().juror(juror);
                line.add(scores ? score(reading) : verdict(reading));
            }
            readings.add(line);
        }
        return new Ratings(jurors, readings);
    }

    private static String verdict(Judgement reading) {
        if (reading == null || !reading.parsed()) {
            return null;
        }
        return reading.asVerdict().evaluation().name();
    }

    private static String score(Judgement reading) {
        return reading instanceof JudgeScore s && s.parsed() ? Integer.toString(s.score()) : null;
    }

    /**
     * Each juror's votes priced at the judge's prices, or at its own profile's when it asks a provider of its own; NaN
     * when a price is unknown.
     */
    private static double[] costs(List<RowResult> rows, int jurors, JurorPrices prices) {
        Usage[] usage = new Usage[jurors];
        java.util.Arrays.fill(usage, Usage.NONE);
        for (RowResult row : rows) {
            if (row.votes() == null) {
                continue;
            }
            for (Stage vote : row.votes().stages()) {
                usage[vote.juror()] = usage[vote.juror()].plus(row.outcome(vote).usage());
            }
        }
        double[] costs = new double[jurors];
        for (int juror = 0; juror < jurors; juror++) {
            OptionalDouble cost = prices.juror(juror).cost(Usage.NONE, usage[juror]);
            costs[juror] = cost.isPresent() ? cost.getAsDouble() : Double.NaN;
        }
        return costs;
    }

    /** Accepted or not (a score: the score) by base-answer length, over rows with an answer and a reading. */
    private static LengthBias length(List<RowResult> rows) {
        List<String> answers = new ArrayList<>(rows.size());
        List<Boolean> accepted = new ArrayList<>(rows.size());
        List<Double> scores = new ArrayList<>(rows.size());
        boolean scored = false;
        for (RowResult row : rows) {
            Judgement judgement = row.judgement();
            boolean read = row.base().answered()
                    && judgement != null
                    && judgement.parsed()
                    && !(judgement instanceof PairJudgement);
            answers.add(read ? row.base().text() : null);
            accepted.add(read ? judgement.asVerdict().evaluation() == Evaluation.CORRECT : null);
            if (judgement instanceof JudgeScore s) {
                scored = true;
                scores.add(read ? s.score().doubleValue() : null);
            } else {
                scores.add(null);
            }
        }
        return scored ? LengthBias.ofScores(answers, scores) : LengthBias.ofVerdicts(answers, accepted);
    }
}
