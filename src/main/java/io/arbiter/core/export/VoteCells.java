package io.arbiter.core.export;

import io.arbiter.core.run.RowResult;
import io.arbiter.core.run.RowVotes;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.verdict.Judgement;
import io.arbiter.core.verdict.MajorityVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The results CSV's columns for a row judged by a jury or more than once: each juror's verdict (the majority of its
 * repeats) in the order the jurors were given, the jury's, and each repeat's (the jury's majority in that repeat),
 * spelled as the judge's own column spells a verdict or score; {@value #NO_MAJORITY} where the votes tie.
 */
final class VoteCells {

    /** A cell whose votes tie, or whose votes could none be read while some were answered. */
    static final String NO_MAJORITY = "NO_MAJORITY";

    private VoteCells() {}

    /** The columns for votes shaped like {@code shape}; none for a run of one judge asked once (null). */
    static List<String> columns(RowVotes shape) {
        List<String> columns = new ArrayList<>();
        if (shape == null) {
            return columns;
        }
        if (shape.jurors() > 1) {
            for (int juror = 1; juror <= shape.jurors(); juror++) {
                columns.add("juror_" + juror + "_evaluation");
            }
            columns.add("jury_evaluation");
        }
        if (shape.repeats() > 1) {
            for (int repeat = 1; repeat <= shape.repeats(); repeat++) {
                columns.add("repeat_" + repeat + "_evaluation");
            }
        }
        return columns;
    }

    /** The row's cells under {@link #columns}; empty cells for a row not yet judged. */
    static List<String> cells(JudgeScheme scheme, RowVotes shape, RowResult row) {
        List<String> cells = new ArrayList<>();
        if (shape == null) {
            return cells;
        }
        RowVotes votes = row.votes();
        if (shape.jurors() > 1) {
            for (int juror = 0; juror < shape.jurors(); juror++) {
                cells.add(votes == null ? "" : spell(scheme, votes.juror(juror), jurorReadings(votes, juror)));
            }
            cells.add(votes == null ? "" : spell(scheme, votes.jury(), jurorVerdicts(votes)));
        }
        if (shape.repeats() > 1) {
            for (int repeat = 0; repeat < shape.repeats(); repeat++) {
                cells.add(votes == null ? "" : spell(scheme, votes.repeat(repeat), repeatReadings(votes, repeat)));
            }
        }
        return cells;
    }

    /** Empty when nothing was read, NO_MAJORITY when readings tie, else the scheme's spelling. */
    private static String spell(JudgeScheme scheme, Judgement combined, List<Judgement> readings) {
        if (readings.stream().allMatch(r -> r == null)) {
            return "";
        }
        if (!MajorityVerdict.decided(readings) && readings.stream().anyMatch(r -> r != null && r.parsed())) {
            return NO_MAJORITY;
        }
        return scheme.spell(combined);
    }

    private static List<Judgement> jurorReadings(RowVotes votes, int juror) {
        List<Judgement> readings = new ArrayList<>();
        for (int repeat = 0; repeat < votes.repeats(); repeat++) {
            readings.add(votes.reading(juror, repeat));
        }
        return readings;
    }

    private static List<Judgement> repeatReadings(RowVotes votes, int repeat) {
        List<Judgement> readings = new ArrayList<>();
        for (int juror = 0; juror < votes.jurors(); juror++) {
            readings.add(votes.reading(juror, repeat));
        }
        return readings;
    }

    private static List<Judgement> jurorVerdicts(RowVotes votes) {
        List<Judgement> verdicts = new ArrayList<>();
        for (int juror = 0; juror < votes.jurors(); juror++) {
            List<Judgement> own = jurorReadings(votes, juror);
            verdicts.add(own.stream().allMatch(r -> r == null) ? null : votes.juror(juror));
        }
        return verdicts;
    }
}
