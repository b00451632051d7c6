package io.arbiter.core.scheme;

import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.OutputSchema;
import io.arbiter.core.metrics.AgreementCell;
import io.arbiter.core.metrics.JudgeReport;
import io.arbiter.core.metrics.RatedRow;
import io.arbiter.core.metrics.ScoreFigures;
import io.arbiter.core.metrics.ScorePair;
import io.arbiter.core.metrics.ScoredRow;
import io.arbiter.core.metrics.TruthMatch;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.Placeholder;
import io.arbiter.core.review.HumanVerdict;
import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.JudgeScore;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.core.verdict.ScoreParser;
import io.arbiter.core.verdict.ScoreScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The judge scores the base answer on a rubric scale (MT-Bench's single grading), after any reasoning; a score at
 * the pass mark or above passes, so every pass/fail figure holds for scores too, and the scores themselves are
 * checked against people's scores ({@link ScoreFigures}).
 *
 * @param scale  the whole numbers the judge scores with, {@code {{scale}}} in its prompt
 * @param passAt the lowest passing score, on the scale
 */
public record ScoreScheme(ScoreScale scale, int passAt) implements JudgeScheme {

    public static final String ID = "score";

    /** 1-5, passing at 4. */
    public static final ScoreScheme DEFAULT = new ScoreScheme(ScoreScale.DEFAULT, ScoreScale.DEFAULT.usualPassMark());

    public ScoreScheme {
        if (scale == null) {
            throw new IllegalArgumentException("A scoring scheme needs a scale");
        }
        if (!scale.contains(passAt)) {
            throw new IllegalArgumentException(
                    "The pass mark " + passAt + " is not on the scale " + scale + ": choose a score within it");
        }
    }

    /** Passing at the scale's usual mark. */
    public static ScoreScheme on(ScoreScale scale) {
        return new ScoreScheme(scale, scale.usualPassMark());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Rubric score " + scale + ", pass at " + passAt;
    }

    /** "score:1-5:4": read back by {@link #parseSetting}. */
    @Override
    public String setting() {
        return ID + ":" + scale + ":" + passAt;
    }

    /**
     * The scheme a run recorded: "score" alone is 1-5 passing at 4, "score:0-10" passes at the scale's usual mark.
     *
     * @throws IllegalArgumentException saying what part is wrong
     */
    static ScoreScheme parseSetting(String setting) {
        String[] parts = setting.strip().split(":", -1);
        if (!parts[0].equals(ID) || parts.length > 3) {
            throw new IllegalArgumentException("Not a scoring scheme: '" + setting + "'; expected score:1-5:4");
        }
        ScoreScale scale = parts.length > 1 ? ScoreScale.parse(parts[1]) : ScoreScale.DEFAULT;
        if (parts.length < 3) {
            return on(scale);
        }
        try {
            return new ScoreScheme(scale, Integer.parseInt(parts[2].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The pass mark in '" + setting + "' is not a whole number");
        }
    }

    @Override
    public List<String> placeholders() {
        return List.of(Placeholder.BASE_ANSWER, Placeholder.SCALE, Placeholder.EXAMPLES);
    }

    @Override
    public Map<String, String> promptValues() {
        return Map.of(Placeholder.SCALE, scale.asPromptText());
    }

    /**
     * {@code {"reasoning": …, "score": n}} with the score bounded by the scale, reasoning first so a model writes it
     * before it commits to a number; {@link ScoreParser} reads the JSON as it reads text.
     */
    @Override
    public Optional<OutputSchema> outputSchema() {
        return Optional.of(new OutputSchema(
                "score",
                """
                {"type": "object",
                 "properties": {
                   "reasoning": {"type": "string"},
                   "score": {"type": "integer", "minimum": %d, "maximum": %d}},
                 "required": ["reasoning", "score"],
                 "additionalProperties": false}
                """
                        .formatted(scale.low(), scale.high())));
    }

    @Override
    public JudgementReader reader(LabelSet labels) {
        return new ScoreParser(scale, passAt)::parse;
    }

    /** The score as a number, or UNPARSED. */
    @Override
    public String spell(Judgement judgement) {
        if (!(judgement instanceof JudgeScore score)) {
            return "";
        }
        return score.parsed() ? Integer.toString(score.score()) : "UNPARSED";
    }

    @Override
    public boolean scores() {
        return true;
    }

    @Override
    public Optional<Boolean> passes(Judgement judgement) {
        return judgement instanceof JudgeScore score && score.parsed()
                ? Optional.of(score.score() >= passAt)
                : Optional.empty();
    }

    /** A human score passes or fails the base answer as the judge's does; without one, a human verdict decides. */
    @Override
    public RatedRow rate(ScoredRow scored, TruthMatch humanVerdict, OptionalInt humanScore) {
        if (humanScore.isPresent() && scale.contains(humanScore.getAsInt())) {
            int score = humanScore.getAsInt();
            return new RatedRow(scored, score >= passAt ? TruthMatch.RIGHT : TruthMatch.WRONG, score);
        }
        return new RatedRow(scored, humanVerdict);
    }

    @Override
    public Optional<AgreementCell> agreement(RatedRow row) {
        return AgreementCell.of(row);
    }

    /**
     * The judge should give the reviewer's score; a reviewer who only said right or wrong stands for the pass mark
     * or the score just below it.
     */
    @Override
    public FewShotExample example(
            int row, List<String> truth, BaseAnswer base, Judgement judgement, HumanVerdict human, String judged) {
        int score =
                human.score() != null ? human.score() : human.baseRight() ? passAt : Math.max(scale.low(), passAt - 1);
        return new FewShotExample(row, judged, score >= passAt, Integer.toString(score));
    }

    @Override
    public String exampleAnswer(FewShotExample example) {
        return "Score: " + example.expectedPrediction();
    }

    /** The pass/fail figures of every scheme, with the score figures over rows that have both scores. */
    @Override
    public JudgeReport figures(List<RatedRow> rows) {
        List<ScorePair> pairs = new ArrayList<>();
        for (RatedRow row : rows) {
            Integer judge = row.scored().score();
            if (judge != null && row.humanScore() != null && row.scored().base() != null) {
                pairs.add(new ScorePair(judge, row.humanScore()));
            }
        }
        return JudgeReport.ofRated(rows).withScores(ScoreFigures.of(pairs, scale), scale, passAt);
    }

    @Override
    public List<String> exportColumns() {
        return List.of("judge_score", "judge_pass");
    }

    @Override
    public List<String> exportCells(List<String> truth, Judgement judgement) {
        JudgeScore score = judgement instanceof JudgeScore s ? s : null;
        if (score == null) {
            return List.of("", "");
        }
        return List.of(
                score.parsed() ? Integer.toString(score.score()) : "",
                passes(score).map(pass -> pass ? "pass" : "fail").orElse(""));
    }

    /**
     * A digit key per score, so the keys 1 to 5 set the score a reviewer gives on 1-5; on a scale up to 10 that does
     * not use 0 (1-10), the key 0 gives 10. On 0-10 there are ten keys for eleven scores: 10 has none.
     */
    @Override
    public List<ReviewMark> reviewMarks() {
        List<ReviewMark> marks = new ArrayList<>();
        for (int s = scale.low(); s <= Math.min(scale.high(), 9); s++) {
            marks.add(new ReviewMark(Integer.toString(s), "score " + s, s >= passAt, s));
        }
        if (scale.high() == 10 && scale.low() > 0) {
            marks.add(new ReviewMark("0", "score 10", true, 10));
        }
        return marks;
    }
}
