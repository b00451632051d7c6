package io.arbiter.cli;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.PromptTemplate;
import io.arbiter.core.run.SecondBase;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a pairwise run's two answers come from, as options: two answer columns, or a second base model and/or
 * prompt that generates answer B beside the run's own; and the people's preference column.
 */
final class PairOptions {

    @Option(
            names = "--answer-a-column",
            description =
                    "With --scheme pairwise: the column holding answer A (with --answer-b-column: only the judge is asked).")
    String answerAColumn;

    @Option(names = "--answer-b-column", description = "With --scheme pairwise: the column holding answer B.")
    String answerBColumn;

    @Option(
            names = "--human-preference-column",
            description =
                    "With --scheme pairwise: people's preference between the answers (A, B or tie), the truth the judge is checked against.")
    String humanPreferenceColumn;

    @Option(
            names = "--base-model-b",
            paramLabel = "MODEL",
            description =
                    "With --scheme pairwise: the model that generates answer B (default: --base-model, which answers A).")
    String baseModelB;

    @Option(
            names = "--base-prompt-b",
            paramLabel = "FILE",
            description =
                    "With --scheme pairwise: the base prompt that generates answer B (default: --base-prompt, which answers A).")
    Path basePromptB;

    /** True when any option here is given. */
    boolean any() {
        return answerAColumn != null
                || answerBColumn != null
                || humanPreferenceColumn != null
                || baseModelB != null
                || basePromptB != null;
    }

    /** True when the options generate answer B with a second base configuration. */
    boolean generatesB() {
        return baseModelB != null || basePromptB != null;
    }

    /**
     * Refuses what cannot make a pair, before any file is read: the options with another scheme, an answer-B column
     * without the column for A, and both ways of getting answer B at once.
     */
    void check(boolean pairwise) {
        if (!pairwise) {
            if (any()) {
                throw new CliFailure(
                        "--answer-a-column, --answer-b-column, --human-preference-column, --base-model-b and"
                                + " --base-prompt-b go with --scheme pairwise",
                        ArbiterCli.BAD_INPUT);
            }
            return;
        }
        if (answerBColumn != null && answerAColumn == null) {
            throw new CliFailure(
                    "--answer-b-column needs --answer-a-column: the column holding answer A", ArbiterCli.BAD_INPUT);
        }
        if (answerAColumn != null && answerBColumn == null) {
            throw new CliFailure(
                    "--answer-a-column needs --answer-b-column: a pairwise run over answer columns compares two",
                    ArbiterCli.BAD_INPUT);
        }
        if (answerBColumn != null && generatesB()) {
            throw new CliFailure(
                    "--answer-b-column takes answer B from the dataset, --base-model-b and --base-prompt-b generate"
                            + " it: give one or the other",
                    ArbiterCli.BAD_INPUT);
        }
    }

    /**
     * Refuses a pairwise run with one answer per row, saying how to give the second.
     *
     * @param storedB true when a project being re-run keeps a second base configuration
     * @param where   what the message starts with: the project re-run, or nothing
     */
    void requireTwoAnswers(ColumnMapping mapping, boolean storedB, String where) {
        if (mapping.judgeOnly() ? mapping.judgeColumns().answerB() != null : generatesB() || storedB) {
            return;
        }
        if (mapping.judgeOnly()) {
            throw new CliFailure(
                    where + "--scheme pairwise over an answer column needs the column holding answer B as well:"
                            + " --answer-a-column A --answer-b-column B",
                    ArbiterCli.BAD_INPUT);
        }
        throw new CliFailure(
                where + "--scheme pairwise needs two answers per row: --answer-a-column and --answer-b-column"
                        + " (judge only), or --base-model-b and/or --base-prompt-b to generate answer B",
                ArbiterCli.BAD_INPUT);
    }

    /**
     * The mapping with the pair's columns: answer A as the answer column (refused beside a different {@code
     * --answer-column}), answer B and the human preference column, each checked against the dataset.
     */
    ColumnMapping apply(ColumnMapping mapping, Dataset rows) {
        String a = ColumnNames.one("Answer A column", "--answer-a-column", answerAColumn, rows);
        if (a != null && mapping.answerColumn() != null && !a.equals(mapping.answerColumn())) {
            throw new CliFailure(
                    "--answer-column and --answer-a-column name different columns; give --answer-a-column only",
                    ArbiterCli.BAD_INPUT);
        }
        String b = ColumnNames.one("Answer B column", "--answer-b-column", answerBColumn, rows);
        String preference =
                ColumnNames.one("Human preference column", "--human-preference-column", humanPreferenceColumn, rows);
        return new ColumnMapping(
                mapping.inputColumns(),
                mapping.truthColumn(),
                mapping.truthSeparator(),
                a != null ? a : mapping.answerColumn(),
                mapping.labelRenames(),
                mapping.task(),
                mapping.judgeColumns().withPair(b, preference));
    }

    /**
     * What answers B when the run generates it: the options' model and prompt, each defaulting to the run's own
     * (A's); empty when no option asks for it.
     */
    Optional<SecondBase> secondBase(ProviderProfile profile, String basePrompt, String basePromptBText) {
        if (!generatesB()) {
            return Optional.empty();
        }
        return Optional.of(new SecondBase(
                baseModelB != null ? baseModelB.strip() : profile.baseModel(),
                new PromptTemplate(basePromptBText != null ? basePromptBText : basePrompt)));
    }
}
