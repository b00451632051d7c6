package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.BatchCustomId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stage names are stored in project files and batch lines: a vote's name reads back as the same stage. */
class StageTest {

    @Test
    void theFixedStagesKeepTheirNames() {
        assertEquals(
                List.of("BASE", "JUDGE", "BASE_B", "JUDGE_BA"),
                Stage.values().stream().map(Stage::name).toList());
        for (Stage stage : Stage.values()) {
            assertSame(stage, Stage.named(stage.name()));
        }
    }

    @Test
    void aVoteIsNamedByItsJurorAndRepeatAndReadsBackAsTheSameInstance() {
        Stage vote = Stage.vote(1, 2);
        assertEquals("JUDGE_J2R3", vote.name());
        assertSame(vote, Stage.named("JUDGE_J2R3"));
        assertSame(vote, Stage.vote(1, 2));
        assertTrue(vote.judges());
        assertTrue(vote.furtherVote());
        assertSame(Stage.JUDGE, vote.bar());
        assertEquals("judge (juror 2, repeat 3)", vote.title());
        assertSame(Stage.JUDGE, Stage.vote(0, 0), "the first juror's first vote is the judge stage itself");
        assertFalse(Stage.JUDGE.furtherVote());
    }

    @Test
    void namesThatAreNoStageAreRefused() {
        assertNull(Stage.named("JUDGE_J1R1"), "spelled JUDGE");
        assertNull(Stage.named("JUDGE_J0R1"));
        assertNull(Stage.named("judge"));
        assertNull(Stage.named(null));
        assertThrows(IllegalArgumentException.class, () -> Stage.valueOf("JUDGE_X"));
        assertThrows(IllegalArgumentException.class, () -> Stage.vote(-1, 0));
    }

    @Test
    void aVotesBatchLineFindsItsWayBack() {
        BatchCustomId id = new BatchCustomId(7, Stage.vote(2, 0).name(), 41);
        assertEquals("arb-7-JUDGE_J3R1-41", id.toString());
        assertEquals(id, BatchCustomId.parse(id.toString()).orElseThrow());
        assertSame(Stage.vote(2, 0), Stage.named(id.stage()));
        assertTrue(BatchCustomId.parse("arb-7-JUDGE_JR1-41").isEmpty());
    }

    @Test
    void aPanelListsItsVotesJurorByJurorAndDropsAModelNamedTwice() {
        JudgePanel panel = JudgePanel.of(List.of("a", "b", "a"), 2, false);
        assertEquals(List.of("b"), panel.otherJurors());
        assertEquals(List.of(Stage.JUDGE, Stage.vote(0, 1), Stage.vote(1, 0), Stage.vote(1, 1)), panel.votes());
        assertEquals(List.of("a", "b"), panel.jurors("a"));
        assertTrue(JudgePanel.of(List.of("a"), 1, false).single());
        assertThrows(IllegalArgumentException.class, () -> JudgePanel.of(List.of("a"), 0, false));
    }
}
