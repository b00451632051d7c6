package io.arbiter.offline;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetException;
import io.arbiter.core.dataset.Samples;
import java.util.ArrayList;
import java.util.List;

/** The bundled pairwise sample's rows, with the judge prompt rendered in both orders by plain placeholder replacement. */
final class PairwiseSample {

    /** A rendered judge prompt: its system part and its user part. */
    record Prompt(String system, String user) {}

    record Row(String id, String answerA, String answerB, String human, Prompt aFirst, Prompt bFirst) {}

    private PairwiseSample() {}

    static List<Row> rows() throws DatasetException {
        String template = Samples.text(Samples.PAIRWISE_JUDGE_PROMPT);
        Dataset data = Samples.pairwise();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String question = data.value(i, "question");
            String reference = data.value(i, "reference");
            String a = data.value(i, "answer_a");
            String b = data.value(i, "answer_b");
            rows.add(new Row(
                    data.value(i, "id"),
                    a,
                    b,
                    data.value(i, "human_preference"),
                    render(template, question, reference, a, b),
                    render(template, question, reference, b, a)));
        }
        return List.copyOf(rows);
    }

    static Prompt render(String template, String question, String reference, String first, String second) {
        String filled = template.replace("{{question}}", question)
                .replace("{{reference}}", reference)
                .replace("{{answer_a}}", first)
                .replace("{{answer_b}}", second);
        int split = filled.indexOf("\n[user]\n");
        return new Prompt(
                filled.substring(0, split).strip(),
                filled.substring(split + "\n[user]\n".length()).strip());
    }
}
