package io.arbiter.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows a run left without an answer, grouped by why, most common cause first: what the command line says on
 * stderr and the workbench says beside "Retry N rows". A row is unanswered when either stage failed, or when the
 * run ended before it was answered.
 *
 * @param rows   rows without an answer
 * @param causes their causes, most rows first
 */
public record Unanswered(int rows, List<Cause> causes) {

    /** One reason and how many rows it left unanswered. */
    public record Cause(String reason, int rows) {}

    /** "Batch line 17: …" names one line; the same cause on many lines is still one cause. */
    private static final Pattern LINE_PREFIX = Pattern.compile("^Batch line \\d+: ");

    public Unanswered {
        causes = List.copyOf(causes);
    }

    public static Unanswered of(List<RowResult> results, RunOutcome.Status status) {
        Map<String, Integer> byCause = new LinkedHashMap<>();
        int count = 0;
        for (RowResult row : results) {
            String cause = cause(row, status);
            if (cause != null) {
                count++;
                byCause.merge(cause, 1, Integer::sum);
            }
        }
        List<Cause> causes = new ArrayList<>();
        byCause.forEach((reason, rows) -> causes.add(new Cause(reason, rows)));
        causes.sort((a, b) -> Integer.compare(b.rows(), a.rows()));
        return new Unanswered(count, causes);
    }

    /** Why the row has no answer; null when it has one. */
    private static String cause(RowResult row, RunOutcome.Status status) {
        if (row.outvotesFailedVotes()) {
            return null; // its verdict stands; the failed votes are its errors, and a re-run sends them again
        }
        for (Stage stage : row.stages()) {
            StageOutcome outcome = row.outcome(stage);
            if (outcome.failed()) {
                return stage.title() + ": "
                        + LINE_PREFIX.matcher(outcome.error()).replaceFirst("");
            }
        }
        if (row.answered()) {
            return null;
        }
        return switch (status) {
            case CANCELLED -> "not sent: the run was cancelled";
            case STOPPED -> "not sent: the run stopped";
            case COMPLETED -> "not answered (no error was recorded)";
        };
    }

    public boolean none() {
        return rows == 0;
    }

    /**
     * A line short enough for a status bar: each cause cut at its first parenthesis or sentence end (at most 90
     * characters), at most {@code most} causes. The row detail and the results CSV keep every cause whole.
     */
    public String brief(int most) {
        StringBuilder text = new StringBuilder()
                .append(rows)
                .append(rows == 1 ? " row" : " rows")
                .append(" unanswered");
        for (int i = 0; i < causes.size() && i < most; i++) {
            text.append(i == 0 ? ": " : "; ")
                    .append(causes.get(i).rows())
                    .append(" × ")
                    .append(shortened(causes.get(i).reason()));
        }
        if (causes.size() > most) {
            text.append("; and ")
                    .append(causes.size() - most)
                    .append(causes.size() - most == 1 ? " other cause" : " other causes");
        }
        return text.toString();
    }

    private static String shortened(String reason) {
        int cut = reason.length();
        for (String end : new String[] {" (", ". ", "; "}) {
            int at = reason.indexOf(end);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        String head = reason.substring(0, cut);
        return head.length() <= 90 ? head : head.substring(0, 89) + "…";
    }

    /**
     * E.g. "12 rows unanswered: 10 × judge: The provider returned no output line …; 2 × base: refused: …", with at
     * most {@code most} causes and a count of the rest.
     */
    public String describe(int most) {
        StringBuilder text = new StringBuilder()
                .append(rows)
                .append(rows == 1 ? " row" : " rows")
                .append(" unanswered");
        for (int i = 0; i < causes.size() && i < most; i++) {
            text.append(i == 0 ? ": " : "; ")
                    .append(causes.get(i).rows())
                    .append(" × ")
                    .append(causes.get(i).reason());
        }
        if (causes.size() > most) {
            text.append("; and ")
                    .append(causes.size() - most)
                    .append(causes.size() - most == 1 ? " other cause" : " other causes");
        }
        return text.toString();
    }
}
