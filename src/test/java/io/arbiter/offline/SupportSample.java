package io.arbiter.offline;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.DatasetException;
import io.arbiter.core.dataset.Samples;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bundled support sample's rows, with its prompts rendered for each as a run would send them. */
final class SupportSample {

    record Row(String id, String question, String answer, String reference, int humanScore, RenderedPrompt judge) {}

    private SupportSample() {}

    /** Every row, its judge prompt rendered with the scale written as the run writes it, e.g. "1 to 5". */
    static List<Row> rows(String scale) throws DatasetException {
        PromptTemplate judge = new PromptTemplate(Samples.text(Samples.SUPPORT_JUDGE_PROMPT));
        Dataset data = Samples.support();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String question = data.value(i, "question");
            String answer = data.value(i, "answer");
            String reference = data.value(i, "reference");
            RenderedPrompt prompt = judge.render(
                    Map.of("question", question, "reference", reference, "base_answer", answer, "scale", scale), "");
            int human = Integer.parseInt(data.value(i, "human_score"));
            rows.add(new Row(data.value(i, "id"), question, answer, reference, human, prompt));
        }
        return List.copyOf(rows);
    }

    /** The base prompt rendered for one customer question. */
    static RenderedPrompt base(String question) {
        return new PromptTemplate(Samples.text(Samples.SUPPORT_BASE_PROMPT)).render(Map.of("question", question), "");
    }
}
