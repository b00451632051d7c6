package io.arbiter.core.scheme;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.OutputSchema;
import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.PairFigures;
import io.arbiter.core.metrics.PairRow;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.Placeholder;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgePreference;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.core.verdict.PairJudgement;
import io.arbiter.core.verdict.PairOutcome;
import io.arbiter.core.verdict.Preference;
import io.arbiter.core.verdict.PreferenceParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The judge compares two answers to the same row, A and B, and says which is better or that they tie (MT-Bench's
 * pairwise grading). Judges prefer the answer shown first, so by default each row is asked twice, A shown first and
 * B shown first, and the row's outcome is what both orders say once mapped back to the answers: A, B, a tie, or
 * inconsistent. Each order is its own request (stages {@code JUDGE} and {@code JUDGE_BA}).
 *
 * @param bothOrders true to ask in both orders ({@code --swap both}, the default), false for A first only
 */
public record PairwiseScheme(boolean bothOrders) implements JudgeScheme {

    public static final String ID = "pairwise";

    /** Both orders. */
    public static final PairwiseScheme DEFAULT = new PairwiseScheme(true);

    private static final PreferenceParser PARSER = new PreferenceParser();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return bothOrders ? "Pairwise: A against B, both orders" : "Pairwise: A against B, A shown first only";
    }

    /** "pairwise:both" or "pairwise:none", read back by {@link #parseSetting}. */
    @Override
    public String setting() {
        return ID + ":" + swap();
    }

    /** The {@code --swap} value: "both" or "none". */
    public String swap() {
        return bothOrders ? "both" : "none";
    }

    /**
     * The scheme a run recorded or the CLI was given: "pairwise" alone asks both orders.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static PairwiseScheme parseSetting(String setting) {
        String[] parts = setting.strip().toLowerCase(Locale.ROOT).split(":", -1);
        if (!parts[0].equals(ID) || parts.length > 2) {
            throw new IllegalArgumentException("Not a pairwise scheme: '" + setting + "'; expected pairwise:both");
        }
        return parts.length == 1 ? DEFAULT : ofSwap(parts[1]);
    }

    /**
     * The scheme for a {@code --swap} value.
     *
     * @throws IllegalArgumentException for anything but both or none
     */
    public static PairwiseScheme ofSwap(String swap) {
        return switch (swap.strip().toLowerCase(Locale.ROOT)) {
            case "both" -> DEFAULT;
            case "none" -> new PairwiseScheme(false);
            default -> throw new IllegalArgumentException(
                    "Swap must be 'both' (ask with A first and with B first) or 'none', not '" + swap.strip() + "'");
        };
    }

    @Override
    public List<String> placeholders() {
        return List.of(Placeholder.ANSWER_A, Placeholder.ANSWER_B);
    }

    /** {@code {"reasoning": …, "winner": "A" | "B" | "tie"}}, reasoning first; the parser reads it as it reads text. */
    @Override
    public Optional<OutputSchema> outputSchema() {
        return Optional.of(
                new OutputSchema(
                        "pairwise_verdict",
                        """
                {"type": "object",
                 "properties": {
                   "reasoning": {"type": "string"},
                   "winner": {"type": "string", "enum": ["A", "B", "tie"]}},
                 "required": ["reasoning", "winner"],
                 "additionalProperties": false}
                """));
    }

    /** One order's reply, in the places shown; the row's two orders are put together by the run's interpreter. */
    public JudgePreference read(String reply) {
        return PARSER.parse(reply);
    }

    /** A reply read as the A-first order of a pair asked once. */
    @Override
    public JudgementReader reader(LabelSet labels) {
        return reply -> new PairJudgement(read(reply), null, false);
    }

    /** The row's outcome: A, B, tie, inconsistent, or UNPARSED. */
    @Override
    public String spell(Judgement judgement) {
        if (!(judgement instanceof PairJudgement pair)) {
            return "";
        }
        return spell(pair.outcome());
    }

    /** How an outcome is shown and exported: "A", "B", "tie", "inconsistent"; UNPARSED in capitals, as elsewhere. */
    public static String spell(PairOutcome outcome) {
        return switch (outcome) {
            case A -> "A";
            case B -> "B";
            case TIE -> "tie";
            case INCONSISTENT -> "inconsistent";
            case UNPARSED -> "UNPARSED";
        };
    }

    /** How one order's verdict is shown: "A", "B", "tie", or empty when it has none. */
    public static String spell(Preference preference) {
        return preference == null ? "" : preference == Preference.TIE ? "tie" : preference.name();
    }

    @Override
    public boolean pairs() {
        return true;
    }

    /** A worked example would need both answers in the prompt's format; pairs are not promoted (yet). */
    @Override
    public boolean takesExamples() {
        return false;
    }

    /** Whether A is preferred (in every order asked); empty while the outcome is UNPARSED. */
    @Override
    public Optional<Boolean> passes(Judgement judgement) {
        if (!(judgement instanceof PairJudgement pair) || pair.outcome() == PairOutcome.UNPARSED) {
            return Optional.empty();
        }
        return Optional.of(pair.outcome() == PairOutcome.A);
    }

    /** A pair has no right or wrong answer to agree on; its agreement with people is the preference figures'. */
    @Override
    public Optional<AgreementCell> agreement(RatedRow row) {
        return Optional.empty();
    }

    @Override
    public RatedRow rate(ScoredRow scored, TruthMatch humanVerdict, OptionalInt humanScore) {
        return RatedRow.preferred(scored, null);
    }

    @Override
    public RatedRow rate(
            ScoredRow scored, TruthMatch humanVerdict, OptionalInt humanScore, Preference humanPreference) {
        return RatedRow.preferred(scored, humanPreference);
    }

    @Override
    public FewShotExample example(
            int row, List<String> truth, BaseAnswer base, Judgement judgement, HumanVerdict human, String judged) {
        throw new IllegalStateException("A pairwise run takes no worked examples");
    }

    @Override
    public String exampleAnswer(FewShotExample example) {
        return "";
    }

    /**
     * The pairwise figures ({@link PairFigures}, docs/PAIRWISE.md) over the rows the judge answered without an error;
     * a row with a failed request is counted apart, as in every scheme.
     */
    @Override
    public JudgeReport figures(List<RatedRow> rows) {
        List<PairRow> pairs = new ArrayList<>();
        for (RatedRow row : rows) {
            if (!row.scored().failed() && row.scored().judgement() instanceof PairJudgement pair && reached(pair)) {
                pairs.add(new PairRow(
                        winner(pair.aFirst()),
                        pair.bothOrders() ? winner(pair.bFirst()) : null,
                        pair.bothOrders(),
                        row.humanPreference()));
            }
        }
        return JudgeReport.ofRated(rows).withPairs(PairFigures.of(pairs));
    }

    /**
     * True when every order the run asks has come back: a row whose B-first order is still to be sent (a run
     * stopped between the two) is not reached, like a row never sent, rather than unparsed.
     */
    private static boolean reached(PairJudgement pair) {
        return pair.aFirst() != null && (!pair.bothOrders() || pair.bFirst() != null);
    }

    private static Preference winner(JudgePreference order) {
        return order == null ? null : order.winner();
    }

    /**
     * The verdict of each order (the swapped one mapped back to A/B/tie) and the row's outcome: A, B, tie,
     * inconsistent or unparsed.
     */
    @Override
    public List<String> exportColumns() {
        return List.of("winner_ab", "winner_ba", "outcome");
    }

    @Override
    public List<String> exportCells(List<String> truth, Judgement judgement) {
        if (!(judgement instanceof PairJudgement pair)) {
            return List.of("", "", "");
        }
        if (!reached(pair)) { // an order still to come: no outcome yet, as for a row the judge never saw
            return List.of(spell(winner(pair.aFirst())), spell(pair.bFirstMapped()), "");
        }
        Preference ab = pair.aFirst() == null || !pair.aFirst().parsed()
                ? null
                : pair.aFirst().winner();
        return List.of(
                spell(ab),
                spell(pair.bFirstMapped()),
                pair.outcome() == PairOutcome.UNPARSED ? "unparsed" : spell(pair.outcome()));
    }

    /** A, B and T (tie), as the row's better answer. */
    @Override
    public List<ReviewMark> reviewMarks() {
        return List.of(
                ReviewMark.preferring("A", "answer A is better", Preference.A),
                ReviewMark.preferring("B", "answer B is better", Preference.B),
                ReviewMark.preferring("T", "tie: neither is better", Preference.TIE));
    }
}
