package io.arbiter.cli;

import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.Stage;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How often each row is judged, as options; who judges is {@code --judge-model}, which names one model or, comma
 * separated, a jury in the order its verdict columns are written.
 */
final class JuryOptions {

    @Option(
            names = "--repeat",
            paramLabel = "N",
            description = "Judge each row N times (each juror, with a jury); repeats after the first send a seed of"
                    + " their own. Shows the judge's flip rate (default: 1, or what a re-run's project stores).")
    Integer givenRepeats;

    @Option(
            names = "--shuffle-labels",
            description = "With --repeat: show the {{labels}} list in another order on each repeat after the first,"
                    + " to see how often the label order moves the verdict.")
    boolean shuffleLabels;

    /** The panel a re-run's project stores; null when the options alone say. */
    private JudgePanel stored;

    /** Takes the repeats and label shuffling {@code panel} (a re-run's project's) has, unless --repeat is given. */
    void useStored(JudgePanel panel) {
        stored = panel;
    }

    /** The panel of {@code jurors} (the first is the profile's judge model) asked as these options say. */
    JudgePanel panel(List<String> jurors) {
        int repeats = givenRepeats != null ? givenRepeats : stored != null ? stored.repeats() : 1;
        boolean shuffleLabels =
                this.shuffleLabels || (givenRepeats == null && stored != null && stored.shuffleLabels());
        if (repeats < 1 || repeats > Stage.MAX_VOTES) {
            throw new CliFailure("--repeat must be 1 to " + Stage.MAX_VOTES + ", not " + repeats, ArbiterCli.BAD_INPUT);
        }
        if (shuffleLabels && repeats < 2) {
            throw new CliFailure(
                    "--shuffle-labels needs --repeat 2 or more: the first repeat keeps the given order",
                    ArbiterCli.BAD_INPUT);
        }
        return JudgePanel.of(jurors, repeats, shuffleLabels);
    }
}
