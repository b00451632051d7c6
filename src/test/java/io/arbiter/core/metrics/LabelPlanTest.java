package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.verdict.BaseAnswer;
import io.arbiter.core.verdict.Evaluation;
import io.arbiter.core.verdict.JudgeVerdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The label planner on small tables. Strata and intervals are checked against
 * src/test/resources/io/arbiter/core/metrics/label_plan_reference.py (python3, written apart from the Java); the
 * first case is also worked by hand in its comments.
 */
class LabelPlanTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void labelsGoToTheStratumOfTheRateKnownLeast() {
        // tp 8, fp 0, fn 0, tn 2: sensitivity 8/8, Wilson [0.676, 1] (half 0.162); specificity 2/2, Wilson
        // [0.342, 1] (half 0.329), the rate known least. Only two wrong answers are labelled, and wrong answers are
        // where the judge says Incorrect: Laplace gives (0 + 1)/(2 + 2) = 1/4 right there, so each label there adds
        // 3/4 to tn, against (0 + 1)/(8 + 2) = 1/10 of a label added to fp in the Correct stratum.
        List<LabelPlan.Candidate> rows = table(8, 0, 0, 2, 10, 10);

        LabelPlan plan = LabelPlan.of(rows, 4, 7);

        assertEquals(10, plan.labelled());
        assertEquals(10, plan.correct());
        assertEquals(10, plan.incorrect());
        assertEquals(4, plan.rows().size());
        plan.rows().forEach(pick -> assertFalse(pick.judgeCorrect(), "every label goes to Incorrect: " + pick));
        assertEquals(LabelPlan.Figure.SPECIFICITY, plan.rows().get(0).narrowsMost());
        assertEquals(
                "judge said Incorrect; narrows specificity most",
                plan.rows().get(0).reason());
        JudgeReport report = JudgeReport.ofRated(
                rows.stream().map(LabelPlan.Candidate::rated).toList());
        assertEquals(report.judge().sensitivity(), plan.now().sensitivity(), "now is the report's own figure");
        assertEquals(report.judge().specificity(), plan.now().specificity());
        assertEquals(report.ppi().classic(), plan.now().ppiBaseAccuracy());
        assertInterval(0.6755924316585924, 1.0, plan.now().sensitivity());
        assertInterval(0.3423802239546494, 1.0, plan.now().specificity());
        // PPI: y − f is 0 on every labelled row; U has 10 Correct of 20: 1.96·√(20·¼/19/20) = 0.2248 around 0.5.
        assertInterval(0.27517671029005913, 0.7248232897099409, plan.now().ppiBaseAccuracy());
        // After, at today's rates: specificity 1 on fp + tn = 2 + 4·¾ = 5 expected wrong answers, Wilson 5/5
        // [0.566, 1]; sensitivity 1 on 8 + 4·¼ = 9; PPI keeps var(y − f) = 0, and U is 10 Correct of 16 now:
        // 0.5 ± 1.96·√(16·(5/8)(3/8)/15/16) = 0.5 ± 0.245, wider, as U's share of Correct moves off one half.
        assertInterval(0.700854948272956, 1.0, plan.after().sensitivity());
        assertInterval(0.5655175313406071, 1.0, plan.after().specificity());
        assertInterval(0.25500449999999997, 0.7449955, plan.after().ppiBaseAccuracy());
    }

    @Test
    void equalSumsGoToTheStratumWithMoreRowsLeftThenToCorrect() {
        // A symmetric table: a label in either stratum leaves the same sum of half-widths.
        LabelPlan plan = LabelPlan.of(table(3, 1, 1, 3, 5, 5), 1, 7);

        assertEquals(1, plan.rows().size());
        assertTrue(plan.rows().get(0).judgeCorrect());
        // A label where the judge said Correct is right with chance (3 + 1)/(4 + 2) = 2/3: sensitivity's
        // denominator grows by 2/3 (half-width 0.327 → 0.312), specificity's by 1/3 (→ 0.319), PPI's |L| by 1.
        assertEquals(LabelPlan.Figure.SENSITIVITY, plan.rows().get(0).narrowsMost());
        assertInterval(0.32503702309946414, 0.9492106146651276, plan.after().sensitivity());
        assertInterval(0.3132871844673507, 0.9517552300406625, plan.after().specificity());
        assertInterval(0.009577099519495591, 0.9904229004805044, plan.after().ppiBaseAccuracy());
    }

    @Test
    void aStratumRunningOutSendsTheRestToTheOther() {
        // Three Incorrect candidates only: the plan takes them, then turns to the Correct stratum.
        LabelPlan plan = LabelPlan.of(table(6, 2, 1, 1, 20, 3), 5, 7);

        assertEquals(
                List.of(false, false, false, true, true),
                plan.rows().stream().map(LabelPlan.Pick::judgeCorrect).toList());
        assertInterval(0.486872167860775, 0.9743203759421759, plan.now().sensitivity());
        assertInterval(0.06149194402093078, 0.7923404011921757, plan.now().specificity());
        assertInterval(0.39063899891843806, 1.0, plan.now().ppiBaseAccuracy());
        assertInterval(0.5470671628982146, 0.9675382099748032, plan.after().sensitivity());
        assertInterval(0.08776382943406802, 0.7221105968124019, plan.after().specificity());
        assertInterval(0.4823018751068552, 1.0, plan.after().ppiBaseAccuracy());
    }

    @Test
    void theOrderInAStratumIsSeededAndKeepsAsRowsAreLabelled() {
        List<LabelPlan.Candidate> rows = table(2, 1, 1, 2, 0, 12);
        List<Integer> first = planned(LabelPlan.of(rows, 12, 42));

        assertEquals(first, planned(LabelPlan.of(rows, 12, 42)), "the same seed, the same order");
        assertFalse(first.equals(planned(LabelPlan.of(rows, 12, 43))), "another seed, another order");
        assertFalse(first.equals(first.stream().sorted().toList()), "not the dataset's order");

        // A person labels the first planned row: it leaves the plan and the rest keep their order.
        List<LabelPlan.Candidate> reviewed = new ArrayList<>();
        for (LabelPlan.Candidate c : rows) {
            reviewed.add(c.row() == first.get(0) ? new LabelPlan.Candidate(c.row(), human(c.rated())) : c);
        }
        LabelPlan next = LabelPlan.of(reviewed, 12, 42);
        assertEquals(7, next.labelled(), "a person's verdict labels the row");
        assertEquals(first.subList(1, first.size()), planned(next));
    }

    @Test
    void rowsALabelWouldNotReachAreNotPlanned() {
        List<LabelPlan.Candidate> rows = new ArrayList<>();
        rows.add(candidate(0, List.of(), new BaseAnswer("??", null), judge(Evaluation.CORRECT)));
        rows.add(candidate(1, List.of(), new BaseAnswer("A", "A"), JudgeVerdict.unparsed("?")));
        rows.add(candidate(2, List.of(), new BaseAnswer("A", "A"), null));
        rows.add(candidate(3, List.of(), new BaseAnswer("A", "A"), judge(Evaluation.CORRECT)));

        LabelPlan plan = LabelPlan.of(rows, 20, 1);

        assertEquals(List.of(3), planned(plan));
        assertEquals(0, plan.labelled());
        assertFalse(plan.now().sensitivity().isDefined());
        assertFalse(plan.after().ppiBaseAccuracy().isDefined(), "one labelled row: PPI needs two");
    }

    private static List<Integer> planned(LabelPlan plan) {
        return plan.rows().stream().map(LabelPlan.Pick::row).toList();
    }

    /** Labelled rows in the four cells, then unlabelled rows the judge called Correct and Incorrect. */
    private static List<LabelPlan.Candidate> table(int tp, int fp, int fn, int tn, int correct, int incorrect) {
        List<LabelPlan.Candidate> rows = new ArrayList<>();
        add(rows, tp, "A", Evaluation.CORRECT);
        add(rows, fp, "B", Evaluation.CORRECT);
        add(rows, fn, "A", Evaluation.INCORRECT);
        add(rows, tn, "B", Evaluation.INCORRECT);
        add(rows, correct, null, Evaluation.CORRECT);
        add(rows, incorrect, null, Evaluation.INCORRECT);
        return rows;
    }

    private static void add(List<LabelPlan.Candidate> rows, int count, String truth, Evaluation evaluation) {
        for (int i = 0; i < count; i++) {
            rows.add(candidate(
                    rows.size(),
                    truth == null ? List.of() : List.of(truth),
                    new BaseAnswer("A", "A"),
                    judge(evaluation)));
        }
    }

    private static LabelPlan.Candidate candidate(int row, List<String> truth, BaseAnswer base, JudgeVerdict judge) {
        return new LabelPlan.Candidate(row, RatedRow.of(new ScoredRow(truth, base, judge, false)));
    }

    private static RatedRow human(RatedRow row) {
        return new RatedRow(row.scored(), TruthMatch.RIGHT);
    }

    private static JudgeVerdict judge(Evaluation evaluation) {
        return new JudgeVerdict("A," + evaluation, "A", evaluation);
    }

    private static void assertInterval(double low, double high, Estimate estimate) {
        assertEquals(low, estimate.ciLow(), TOLERANCE, "low of " + estimate);
        assertEquals(high, estimate.ciHigh(), TOLERANCE, "high of " + estimate);
    }
}
