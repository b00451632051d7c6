package io.arbiter.ui.detail;

import io.arbiter.core.llm.Usage;
import io.arbiter.core.prompt.RowPrompts;
import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.StageOutcome;
import io.arbiter.core.scheme.VerdictScheme;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.JudgeVerdict;
import io.arbiter.ui.prompts.PromptsViewModel;
import io.arbiter.ui.results.ResultsTableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Everything about one result row: both prompts as they are (or would be) sent for it, the raw replies (and, for a
 * reply that could not be used, the body as received), the reasoning each model gave before its answer, what was
 * parsed from them (a scoring judge's score and its reasoning), tokens, errors, the truth and the reference answer;
 * for a pair both answers and the judge's prompt, reply and reasoning in each order. Touch only on the UI thread.
 * (Past 300 lines: a pair's second answer and swapped order are a property each beside the others the view binds.)
 */
public final class DetailViewModel {

    /** Shown while no row is selected. */
    public static final String NO_ROW = "Select a row in the table to see its prompts and answers.";

    private final Supplier<RowPrompts> prompts;
    private ResultsTableRow shown;
    private final ReadOnlyBooleanWrapper hasRow = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(NO_ROW);
    private final ReadOnlyStringWrapper input = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper truth = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper basePrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper baseRaw = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper baseParsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper baseReasoning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper judgeReasoning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper judgePrompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper judgeRaw = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper judgeParsed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper review = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reference = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pair = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper answerB = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper judgePromptBA = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper judgeRawBA = new ReadOnlyStringWrapper("");

    /** {@code prompts} renders the workbench's current prompts, labels and examples; it may return null (no dataset). */
    public DetailViewModel(Supplier<RowPrompts> prompts) {
        this.prompts = prompts;
    }

    // Properties

    public ReadOnlyBooleanProperty hasRowProperty() {
        return hasRow.getReadOnlyProperty();
    }

    /** "Row 12", or {@link #NO_ROW}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The row's input columns, as the review card shows them first. */
    public ReadOnlyStringProperty inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty truthProperty() {
        return truth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty basePromptProperty() {
        return basePrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseRawProperty() {
        return baseRaw.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseParsedProperty() {
        return baseParsed.getReadOnlyProperty();
    }

    /** What the base model reasoned before its answer; empty when it gave no reasoning. */
    public ReadOnlyStringProperty baseReasoningProperty() {
        return baseReasoning.getReadOnlyProperty();
    }

    /** What the judge reasoned before its output; empty when it gave no reasoning. */
    public ReadOnlyStringProperty judgeReasoningProperty() {
        return judgeReasoning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgePromptProperty() {
        return judgePrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgeRawProperty() {
        return judgeRaw.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty judgeParsedProperty() {
        return judgeParsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** Why a request for the row failed; empty when none did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The human verdict on the row, with who gave it and when; empty when nobody has reviewed it. */
    public ReadOnlyStringProperty reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** The row's reference answer; empty when the dataset has no reference column. */
    public ReadOnlyStringProperty referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    /** True while the row shown is a pair: the base answer is answer A, the judge's the A-first order. */
    public ReadOnlyBooleanProperty pairProperty() {
        return pair.getReadOnlyProperty();
    }

    /** A pair's answer B as received; empty for a row of one answer. */
    public ReadOnlyStringProperty answerBProperty() {
        return answerB.getReadOnlyProperty();
    }

    /** The judge prompt with answer B shown first; empty unless the pair is asked in both orders. */
    public ReadOnlyStringProperty judgePromptBAProperty() {
        return judgePromptBA.getReadOnlyProperty();
    }

    /** The judge's reply with answer B shown first; empty unless the pair is asked in both orders. */
    public ReadOnlyStringProperty judgeRawBAProperty() {
        return judgeRawBA.getReadOnlyProperty();
    }

    /** The row shown, or null. */
    public ResultsTableRow row() {
        return shown;
    }

    // Commands

    /** Shows {@code row}; null clears the pane. */
    public void show(ResultsTableRow row) {
        shown = row;
        refresh();
    }

    /** Shows the same row again: its result, its review or the prompts have changed. */
    public void refresh() {
        hasRow.set(shown != null);
        if (shown == null) {
            for (ReadOnlyStringWrapper text : List.of(
                    input,
                    truth,
                    basePrompt,
                    baseRaw,
                    baseParsed,
                    judgePrompt,
                    judgeRaw,
                    judgeParsed,
                    usage,
                    error,
                    review,
                    baseReasoning,
                    judgeReasoning,
                    reference,
                    answerB,
                    judgePromptBA,
                    judgeRawBA)) {
                text.set("");
            }
            pair.set(false);
            title.set(NO_ROW);
            return;
        }
        RowResult r = shown.result();
        title.set("Row " + (r.row() + 1) + (shown.promoted() ? " · ★ worked example, left out of the metrics" : ""));
        truth.set(r.truth().isEmpty() ? "(no ground truth)" : String.join(", ", r.truth()));
        RowPrompts rendered = prompts.get();
        String answer = r.base().answered() ? r.base().text().strip() : null;
        input.set(rendered == null ? "" : rendered.input(r.row()));
        basePrompt.set(rendered == null ? "" : PromptsViewModel.show(rendered.base(r.row())));
        judgePrompt.set(rendered == null ? "" : PromptsViewModel.show(rendered.judge(r.row(), answer)));
        baseRaw.set(raw(r.base()));
        judgeRaw.set(raw(r.judge()));
        baseReasoning.set(r.base().reasoning() == null ? "" : r.base().reasoning());
        judgeReasoning.set(reasoning(r.judge().reasoning(), shown.judgeReasoning()));
        reference.set(shown.reference());
        baseParsed.set(
                r.baseAnswer() == null
                        ? ""
                        : r.baseAnswer().parsed()
                                ? "Label: " + r.baseAnswer().label()
                                        + (shown.baseVsTruth().isEmpty() ? "" : " · " + shown.baseVsTruth())
                                : "UNPARSED: names no label");
        judgeParsed.set(r.judgement() instanceof JudgeScore score ? scored(score) : judged(r.verdict()));
        usage.set(usage(r.base().usage(), r.judge().usage()));
        List<String> errors = new ArrayList<>();
        if (r.base().failed()) {
            errors.add("Base: " + r.base().error());
        }
        if (r.judge().failed()) {
            errors.add("Judge: " + r.judge().error());
        }
        pair.set(r.paired());
        answerB.set("");
        judgePromptBA.set("");
        judgeRawBA.set("");
        if (r.paired()) {
            showPair(r, rendered, answer, errors);
        }
        error.set(String.join("\n", errors));
        review.set(shown.reviewSummary());
    }

    /**
     * A pair's second answer, the judge in each order (its prompt as sent with the answers in that order), the
     * outcome with each order's verdict in the answers' terms, both answers' and both orders' tokens and errors.
     */
    private void showPair(RowResult r, RowPrompts rendered, String answerA, List<String> errors) {
        StageOutcome b = r.pair().baseB();
        String textB = b.answered() ? b.text().strip() : null;
        answerB.set(raw(b));
        baseParsed.set("");
        if (rendered != null && answerA != null && textB != null) {
            judgePrompt.set(PromptsViewModel.show(rendered.judgePair(r.row(), answerA, textB)));
            if (r.pair().swapped()) {
                judgePromptBA.set(PromptsViewModel.show(rendered.judgePair(r.row(), textB, answerA)));
            }
        } else if (rendered != null) {
            judgePrompt.set("(shown once both answers are in)");
        }
        if (r.pair().swapped()) {
            judgeRawBA.set(raw(r.pair().judgeBA()));
        }
        String outcome = shown.verdict();
        judgeParsed.set(
                outcome.isEmpty()
                        ? ""
                        : "Outcome: " + outcome + " · A shown first: " + orEmpty(shown.winnerAB())
                                + (r.pair().swapped()
                                        ? " · B shown first: " + orEmpty(shown.winnerBA()) + " (mapped back to A/B)"
                                        : "")
                                + (outcome.equals("inconsistent")
                                        ? " · the orders disagree: counted as a tie in the win rate"
                                        : ""));
        usage.set(usage(
                r.base().usage().plus(b.usage()),
                r.judge().usage().plus(r.pair().judgeBA().usage())));
        if (b.failed()) {
            errors.add("Answer B: " + b.error());
        }
        if (r.pair().judgeBA().failed()) {
            errors.add("Judge, B shown first: " + r.pair().judgeBA().error());
        }
    }

    private static String orEmpty(String verdict) {
        return verdict.isEmpty() ? "(none)" : verdict;
    }

    private static String raw(StageOutcome outcome) {
        if (outcome.failed()) {
            return outcome.rawBody() == null
                    ? "(failed)"
                    : "(failed; the reply as received, kept once and not sent again:)\n" + outcome.rawBody();
        }
        return outcome.answered() ? outcome.text() : "(not run yet)";
    }

    /**
     * The model's own reasoning channel, then what the judge wrote before its score or a pair's verdicts; either may
     * be empty.
     */
    private static String reasoning(String channel, String written) {
        String before = channel == null ? "" : channel.strip();
        return before.isEmpty() ? written : written.isEmpty() ? before : before + "\n\n" + written;
    }

    private String scored(JudgeScore score) {
        if (!score.parsed()) {
            return "UNPARSED: no score on the scale found after the reasoning";
        }
        String pass =
                shown.scheme().passes(score).map(p -> p ? "passes" : "fails").orElse("");
        return "Score: " + score.score() + " · " + pass;
    }

    private static String judged(JudgeVerdict verdict) {
        if (verdict == null) {
            return "";
        }
        if (!verdict.parsed()) {
            return "UNPARSED: not of the form Prediction,Evaluation";
        }
        return "Prediction: " + verdict.prediction() + " · Evaluation: " + VerdictScheme.spell(verdict.evaluation());
    }

    private static String usage(Usage base, Usage judge) {
        return String.format(
                Locale.ROOT,
                "Base %,d prompt + %,d completion tokens · judge %,d + %,d",
                base.promptTokens(),
                base.completionTokens(),
                judge.promptTokens(),
                judge.completionTokens());
    }
}
