package io.arbiter.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A strict majority of parsed readings decides; a tie is no majority; the reading kept is a real one. */
class MajorityVerdictTest {

    private static final JudgeVerdict YES = new JudgeVerdict("Drama,Correct", "Drama", Evaluation.CORRECT);
    private static final JudgeVerdict YES_OTHER = new JudgeVerdict("Crime,Correct", "Crime", Evaluation.CORRECT);
    private static final JudgeVerdict NO = new JudgeVerdict("Drama,Incorrect", "Drama", Evaluation.INCORRECT);
    private static final JudgeVerdict UNREAD = JudgeVerdict.unparsed("hmm");

    @Test
    void theMajorityKeepsTheFirstReadingThatSaidIt() {
        assertSame(YES_OTHER, MajorityVerdict.of(List.of(NO, YES_OTHER, YES)));
        assertSame(NO, MajorityVerdict.of(Arrays.asList(NO, null, UNREAD)), "unread and missing readings abstain");
        assertTrue(MajorityVerdict.decided(List.of(YES, YES, NO)));
    }

    @Test
    void aTieOrNothingReadIsNoMajority() {
        Judgement tie = MajorityVerdict.of(List.of(YES, NO));
        assertEquals(Evaluation.UNPARSED, tie.asVerdict().evaluation());
        assertEquals("No majority: 1 Correct, 1 Incorrect", tie.raw());
        assertFalse(MajorityVerdict.decided(List.of(YES, NO, UNREAD)));
        assertEquals(
                "No majority: none of the 2 judgements could be read",
                MajorityVerdict.of(Arrays.asList(UNREAD, null)).raw());
    }

    @Test
    void scoresTakeTheLowerMedianWhichSitsOnTheMajoritysSide() {
        JudgeScore two = JudgeScore.of("2", 2, "", 3);
        JudgeScore three = JudgeScore.of("3", 3, "", 3);
        JudgeScore five = JudgeScore.of("5", 5, "", 3);
        assertSame(three, MajorityVerdict.of(List.of(five, two, three)));
        assertSame(three, MajorityVerdict.of(List.of(five, three, two, five)), "3 of 4 pass: lower median 3 passes");
        Judgement tie = MajorityVerdict.of(List.of(two, five));
        assertTrue(tie instanceof JudgeScore s && !s.parsed(), "a tie of scores is an unparsed score");
    }
}
