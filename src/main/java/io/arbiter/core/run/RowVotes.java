package io.arbiter.core.run;

import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.core.verdict.MajorityVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every judgement of one row when a jury or repeats judge it: each vote's outcome and reading, by juror and repeat.
 * A juror's verdict is the majority of its repeats; the jury's is the majority of its jurors' ({@link MajorityVerdict}:
 * a tie is "no majority"). The row's judgement is the jury's, so every figure counts it as it counts one judge's.
 *
 * @param jurors   how many jurors judge the row
 * @param repeats  how many times each juror judges it
 * @param outcomes each vote's outcome so far (a vote not yet answered is absent)
 * @param readings each answered vote's reading by the run's scheme
 */
public record RowVotes(int jurors, int repeats, Map<Stage, StageOutcome> outcomes, Map<Stage, Judgement> readings) {

    public RowVotes {
        outcomes = Map.copyOf(outcomes);
        readings = Map.copyOf(readings);
    }

    /** A row's votes before any is answered. */
    public static RowVotes pending(JudgePanel panel) {
        return new RowVotes(panel.jurorCount(), panel.repeats(), Map.of(), Map.of());
    }

    /** Every vote's stage, juror by juror and repeat by repeat. */
    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>(jurors * repeats);
        for (int juror = 0; juror < jurors; juror++) {
            for (int repeat = 0; repeat < repeats; repeat++) {
                stages.add(Stage.vote(juror, repeat));
            }
        }
        return stages;
    }

    /** The votes with {@code vote}'s outcome and reading (null when it has none). */
    public RowVotes with(Stage vote, StageOutcome outcome, Judgement reading) {
        Map<Stage, StageOutcome> o = new HashMap<>(outcomes);
        o.put(vote, outcome);
        Map<Stage, Judgement> r = new HashMap<>(readings);
        if (reading == null) {
            r.remove(vote);
        } else {
            r.put(vote, reading);
        }
        return new RowVotes(jurors, repeats, o, r);
    }

    /** A vote's outcome; PENDING until it is answered. */
    public StageOutcome outcome(Stage vote) {
        return outcomes.getOrDefault(vote, StageOutcome.PENDING);
    }

    /** A vote's reading; null until it is answered (or when it failed). */
    public Judgement reading(int juror, int repeat) {
        return readings.get(Stage.vote(juror, repeat));
    }

    /** One juror's verdict: the majority of its repeats. */
    public Judgement juror(int juror) {
        List<Judgement> own = new ArrayList<>(repeats);
        for (int repeat = 0; repeat < repeats; repeat++) {
            own.add(reading(juror, repeat));
        }
        return MajorityVerdict.of(own);
    }

    /** One repeat's verdict across the jury: the majority of every juror's judgement in that repeat. */
    public Judgement repeat(int repeat) {
        List<Judgement> round = new ArrayList<>(jurors);
        for (int juror = 0; juror < jurors; juror++) {
            round.add(reading(juror, repeat));
        }
        return MajorityVerdict.of(round);
    }

    /** The jury's verdict: the majority of its jurors' verdicts (one juror's own when there is one). */
    public Judgement jury() {
        return MajorityVerdict.of(jurorVerdicts());
    }

    /** True when the jurors' verdicts tie, or none could be read: the row has "no majority". */
    public boolean noMajority() {
        return !MajorityVerdict.decided(jurorVerdicts());
    }

    /**
     * True when the jury's verdict has a majority that its failed votes could not have overturned: counted again with
     * every failed vote saying the opposite, each juror's repeats and then the jurors still give the same strict
     * majority. Such a row keeps its verdict, with the failed votes as its errors (docs/RELIABILITY.md).
     */
    public boolean outvotesFailures() {
        if (noMajority()) {
            return false;
        }
        Evaluation said = jury().asVerdict().evaluation();
        int agree = 0;
        int disagree = 0;
        for (int juror = 0; juror < jurors; juror++) {
            int yes = 0;
            int no = 0;
            for (int repeat = 0; repeat < repeats; repeat++) {
                Judgement reading = reading(juror, repeat);
                if (outcome(Stage.vote(juror, repeat)).failed()) {
                    no++; // the worst it could have said
                } else if (reading != null && reading.parsed()) {
                    if (reading.asVerdict().evaluation() == said) {
                        yes++;
                    } else {
                        no++;
                    }
                }
            }
            agree += yes > no ? 1 : 0;
            disagree += no > yes ? 1 : 0;
        }
        return agree > disagree;
    }

    /** True once any vote is answered. */
    public boolean anyAnswered() {
        return !readings.isEmpty() || outcomes.values().stream().anyMatch(StageOutcome::answered);
    }

    private List<Judgement> jurorVerdicts() {
        List<Judgement> verdicts = new ArrayList<>(jurors);
        for (int juror = 0; juror < jurors; juror++) {
            verdicts.add(juror(juror));
        }
        return verdicts;
    }
}
