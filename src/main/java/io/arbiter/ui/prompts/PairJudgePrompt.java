package io.arbiter.ui.prompts;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.prompt.PromptTemplate;
import java.util.List;

/**
 * The judge prompt a new pairwise setup starts from: MT-Bench's pairwise judge (Zheng et al., 2023), asked for a
 * short comparison and then [[A]], [[B]] or [[C]] for a tie, with the row's inputs and, when the dataset has one, its
 * reference answer.
 */
final class PairJudgePrompt {

    private static final String SYSTEM =
            """
            Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants \
            to the user question displayed below. Choose the assistant that follows the user's instructions and \
            answers the user's question better. Consider the helpfulness, relevance, accuracy, depth and level of \
            detail of the responses.%s
            Begin your evaluation by comparing the two responses and provide a short explanation. Avoid any position \
            bias: the order in which the responses were presented must not influence your decision. Do not let the \
            length of the responses influence your evaluation, and do not favour certain names of the assistants. Be \
            as objective as possible.
            After your explanation, output your final verdict on a line of its own, strictly in this format: [[A]] if \
            assistant A is better, [[B]] if assistant B is better, and [[C]] for a tie.
            """;

    private PairJudgePrompt() {}

    /** The prompt for a dataset read with {@code mapping}: its input columns as the question. */
    static String of(ColumnMapping mapping) {
        boolean reference = mapping.judgeColumns().reference() != null;
        StringBuilder text = new StringBuilder(String.format(
                SYSTEM,
                reference
                        ? " A reference answer is given: treat it as correct, and judge each response against it."
                        : ""));
        text.append(PromptTemplate.USER_MARKER).append("\n[User Question]\n");
        List<String> inputs = mapping.inputColumns();
        for (String column : inputs) {
            text.append(inputs.size() > 1 ? column + ": " : "")
                    .append("{{")
                    .append(column)
                    .append("}}\n");
        }
        if (reference) {
            text.append("\n[The Start of Reference Answer]\n{{reference}}\n[The End of Reference Answer]\n");
        }
        return text.append(
                        """

                        [The Start of Assistant A's Answer]
                        {{answer_a}}
                        [The End of Assistant A's Answer]

                        [The Start of Assistant B's Answer]
                        {{answer_b}}
                        [The End of Assistant B's Answer]
                        """)
                .toString();
    }
}
