package io.arbiter.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.llm.BatchCustomId;
import io.arbiter.core.llm.BatchResultLine;
import io.arbiter.core.llm.Usage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How one stage's output lines settle rows: first line wins, but a paid answer is never thrown away for an error. */
class BatchLineAccountTest {

    private static final long RUN = 7;

    private final BatchLineAccount account = new BatchLineAccount(RUN, Stage.JUDGE, Set.of(0, 1, 2));
    private final Set<Integer> notRun = new HashSet<>();

    @Test
    void anAnswerAfterAnErrorLineForTheSameRowIsKeptAndCountedAsADuplicate() {
        assertEquals(0, account.take(error(0), notRun));
        assertEquals(0, account.take(answer(0), notRun), "the paid answer replaces the error");
        assertEquals(-1, account.take(error(0), notRun), "an error never replaces an answer");
        assertEquals(-1, account.take(answer(0), notRun), "nor does a second answer");
        assertEquals(3, account.reconciliation().duplicate());
    }

    @Test
    void linesOfAnotherRunOrStageOrRowAreUnknownAndSettleNothing() {
        assertEquals(-1, account.take(line(new BatchCustomId(RUN + 1, "JUDGE", 0).toString(), "A"), notRun));
        assertEquals(-1, account.take(line(new BatchCustomId(RUN, "BASE", 0).toString(), "A"), notRun));
        assertEquals(-1, account.take(line(new BatchCustomId(RUN, "JUDGE", 9).toString(), "A"), notRun));
        assertEquals(-1, account.take(line(null, "A"), notRun));
        assertEquals(4, account.reconciliation().unknown());
        assertEquals(0, account.take(answer(0), notRun), "the row is still open for its own line");
    }

    private static BatchResultLine answer(int row) {
        return line(new BatchCustomId(RUN, "JUDGE", row).toString(), "A,Correct");
    }

    private static BatchResultLine error(int row) {
        return new BatchResultLine(
                new BatchCustomId(RUN, "JUDGE", row).toString(), null, Usage.NONE, "server_error: try again", 1);
    }

    private static BatchResultLine line(String customId, String text) {
        return new BatchResultLine(customId, text, Usage.NONE, null, 1);
    }
}
