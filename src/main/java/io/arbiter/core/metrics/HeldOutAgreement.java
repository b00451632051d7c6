package io.arbiter.core.metrics;

import java.util.List;

/**
 * The judge against people's verdicts on the two sides of a project's split: the rows held out, which no worked
 * example may come from, apart from the promotable rows the examples are drawn from. A judge that agrees with people
 * on the example rows but not on the held-out ones fits its examples rather than the task (docs/STATISTICS.md,
 * "Held-out rows").
 *
 * @param share    the share of rows the split holds out
 * @param heldOut  judge vs people on held-out rows a person judged (Wilson for agreement, the bootstrap for κ)
 * @param examples likewise on promotable rows a person judged, the promoted examples among them
 */
public record HeldOutAgreement(double share, JudgeAgreement heldOut, JudgeAgreement examples) {

    /** The figures of rows already split, each with its person's verdict, with {@code bootstrap}. */
    public static HeldOutAgreement of(
            double share, List<RatedRow> heldOut, List<RatedRow> examples, Bootstrap bootstrap) {
        return new HeldOutAgreement(
                share, JudgeAgreement.of(table(heldOut), bootstrap), JudgeAgreement.of(table(examples), bootstrap));
    }

    /** The judge's Correct/Incorrect against a person's verdict on each row a person judged. */
    static AgreementTable table(List<RatedRow> rows) {
        AgreementTable table = AgreementTable.EMPTY;
        for (RatedRow row : rows) {
            var cell = AgreementCell.byHuman(row);
            if (cell.isPresent()) {
                table = table.plus(cell.get().judgeSaysCorrect(), cell.get().baseIsRight());
            }
        }
        return table;
    }
}
