package io.arbiter.core.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Several readings of one row made one: the strict majority of their pass/fail verdicts. A tie, or no reading that
 * parsed, is <em>no majority</em>, read as UNPARSED (never as a guess), and told apart by {@link #decided}. The reading
 * that stands for the majority is a real one, so the row keeps a verdict's prediction or a score: for scores, the
 * lower median of the parsed scores (with a strict majority it lies on the majority's side of the pass mark, since
 * passing is monotone in the score); for verdicts, the first reading in the given order with the majority's verdict.
 */
public final class MajorityVerdict {

    private MajorityVerdict() {}

    /** The readings (null for one not answered) made one; UNPARSED when none parsed or they tie. */
    public static Judgement of(List<? extends Judgement> readings) {
        List<Judgement> parsed = new ArrayList<>();
        for (Judgement reading : readings) {
            if (reading != null && reading.parsed()) {
                parsed.add(reading);
            }
        }
        Evaluation majority = majority(parsed);
        if (majority == null) {
            return noMajority(readings, parsed);
        }
        if (parsed.get(0) instanceof JudgeScore) {
            List<JudgeScore> scores = new ArrayList<>();
            parsed.forEach(p -> scores.add((JudgeScore) p));
            scores.sort(Comparator.comparingInt(JudgeScore::score));
            return scores.get((scores.size() - 1) / 2);
        }
        for (Judgement reading : parsed) {
            if (reading.asVerdict().evaluation() == majority) {
                return reading;
            }
        }
        throw new IllegalStateException("A majority always has a reading");
    }

    /** True when the readings have a strict majority; false for a tie or when none parsed. */
    public static boolean decided(List<? extends Judgement> readings) {
        List<Judgement> parsed = new ArrayList<>();
        for (Judgement reading : readings) {
            if (reading != null && reading.parsed()) {
                parsed.add(reading);
            }
        }
        return majority(parsed) != null;
    }

    /** CORRECT or INCORRECT when more than half of the parsed readings say so; null otherwise. */
    private static Evaluation majority(List<Judgement> parsed) {
        int correct = 0;
        for (Judgement reading : parsed) {
            if (reading.asVerdict().evaluation() == Evaluation.CORRECT) {
                correct++;
            }
        }
        int incorrect = parsed.size() - correct;
        if (correct > incorrect) {
            return Evaluation.CORRECT;
        }
        return incorrect > correct ? Evaluation.INCORRECT : null;
    }

    /** An UNPARSED reading of the readings' own kind, saying why. */
    private static Judgement noMajority(List<? extends Judgement> readings, List<Judgement> parsed) {
        String why = parsed.isEmpty()
                ? "No majority: none of the " + readings.size() + " judgements could be read"
                : "No majority: " + count(parsed, Evaluation.CORRECT) + " Correct, "
                        + count(parsed, Evaluation.INCORRECT) + " Incorrect";
        for (Judgement reading : readings) {
            if (reading instanceof JudgeScore) {
                return JudgeScore.unparsed(why);
            }
        }
        return JudgeVerdict.unparsed(why);
    }

    private static long count(List<Judgement> parsed, Evaluation evaluation) {
        return parsed.stream()
                .filter(p -> p.asVerdict().evaluation() == evaluation)
                .count();
    }
}
