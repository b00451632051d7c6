package io.arbiter.core.run;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.LabelSet;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.prompt.FewShotExample;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import io.arbiter.core.scheme.PairwiseScheme;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Everything that defines a run: the rows, how to read them, the two prompts, the provider, the reviewed rows
 * promoted into the judge prompt as worked examples (left out of the run's metrics), and which rows it covers.
 *
 * @param selection the dataset rows the run covers, ascending; empty for every row. A selection keeps the dataset's
 *                  row indices, so results, ledger, cache and the stored run still name the right rows.
 * @param scheme    how the judge grades: what its prompt is given, how its output is read and counted
 * @param baseB     what answers B in a pairwise run that generates both answers; null otherwise (a pairwise run
 *                  over two answer columns, or a run of one answer)
 * @param panel     who judges each row and how often: one judge once, a jury, repeats (null reads as one judge once)
 */
public record RunSpec(
        Dataset dataset,
        ColumnMapping mapping,
        LabelSet labels,
        PromptPair prompts,
        ProviderProfile provider,
        List<FewShotExample> examples,
        List<Integer> selection,
        JudgeScheme scheme,
        SecondBase baseB,
        JudgePanel panel) {

    public RunSpec {
        panel = panel == null ? JudgePanel.SINGLE : panel;
        examples = List.copyOf(examples);
        selection = List.copyOf(selection);
        if (scheme == null) {
            throw new IllegalArgumentException("A run needs a grading scheme");
        }
        if (scheme instanceof PairwiseScheme) {
            if (mapping.judgeOnly() && mapping.judgeColumns().answerB() == null) {
                throw new IllegalArgumentException("A pairwise run over an answer column needs the column holding"
                        + " answer B as well (--answer-b-column)");
            }
            if (!mapping.judgeOnly() && baseB == null) {
                throw new IllegalArgumentException("A pairwise run needs two answers per row: two answer columns,"
                        + " or a second base model or prompt to generate answer B");
            }
            if (baseB != null
                    && baseB.model().equals(provider.baseModel())
                    && baseB.prompt().text().equals(prompts.base().text())) {
                throw new IllegalArgumentException("Answer B would be asked exactly as answer A (model "
                        + baseB.model() + ", the same base prompt), and the cache would give it A's reply: give B"
                        + " another model or another prompt");
            }
            if (!panel.single()) {
                throw new IllegalArgumentException("A pairwise run is judged by one judge, once: juries and repeats"
                        + " are for runs of one answer per row");
            }
        } else {
            baseB = null; // only a pair has a second answer
        }
    }

    /** A run with this pair's second base configuration (null for none), judged by one judge once. */
    public RunSpec(
            Dataset dataset,
            ColumnMapping mapping,
            LabelSet labels,
            PromptPair prompts,
            ProviderProfile provider,
            List<FewShotExample> examples,
            List<Integer> selection,
            JudgeScheme scheme,
            SecondBase baseB) {
        this(dataset, mapping, labels, prompts, provider, examples, selection, scheme, baseB, JudgePanel.SINGLE);
    }

    /** A run with one answer per row, or a pair over two answer columns. */
    public RunSpec(
            Dataset dataset,
            ColumnMapping mapping,
            LabelSet labels,
            PromptPair prompts,
            ProviderProfile provider,
            List<FewShotExample> examples,
            List<Integer> selection,
            JudgeScheme scheme) {
        this(dataset, mapping, labels, prompts, provider, examples, selection, scheme, null);
    }

    /** A run graded with the default scheme. */
    public RunSpec(
            Dataset dataset,
            ColumnMapping mapping,
            LabelSet labels,
            PromptPair prompts,
            ProviderProfile provider,
            List<FewShotExample> examples,
            List<Integer> selection) {
        this(dataset, mapping, labels, prompts, provider, examples, selection, JudgeSchemes.DEFAULT);
    }

    public RunSpec(
            Dataset dataset, ColumnMapping mapping, LabelSet labels, PromptPair prompts, ProviderProfile provider) {
        this(dataset, mapping, labels, prompts, provider, List.of(), List.of());
    }

    /** The same run with these worked examples. */
    public RunSpec withExamples(List<FewShotExample> promoted) {
        return new RunSpec(dataset, mapping, labels, prompts, provider, promoted, selection, scheme, baseB, panel);
    }

    /**
     * The same run over {@code rows} only (dataset indices, any order, duplicates ignored): a draft tried on a few
     * rows before paying for all of them.
     */
    public RunSpec withSelection(Collection<Integer> rows) {
        List<Integer> sorted = rows.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("Select at least one row to run on.");
        }
        int outside = sorted.get(0) < 0 ? sorted.get(0) : sorted.get(sorted.size() - 1);
        if (outside < 0 || outside >= dataset.size()) {
            throw new IllegalArgumentException("The selection holds row index " + outside + ", outside "
                    + dataset.name() + " (indices 0 to " + (dataset.size() - 1) + ").");
        }
        return new RunSpec(dataset, mapping, labels, prompts, provider, examples, sorted, scheme, baseB, panel);
    }

    /** The same run graded with {@code other}. */
    public RunSpec withScheme(JudgeScheme other) {
        return new RunSpec(dataset, mapping, labels, prompts, provider, examples, selection, other, baseB, panel);
    }

    /** The same run, pairwise, with answer B generated by {@code second}. */
    public RunSpec withSecondBase(SecondBase second) {
        return new RunSpec(dataset, mapping, labels, prompts, provider, examples, selection, scheme, second, panel);
    }

    /** The same run judged by {@code judges}. */
    public RunSpec withPanel(JudgePanel judges) {
        return new RunSpec(dataset, mapping, labels, prompts, provider, examples, selection, scheme, baseB, judges);
    }

    /** Every juror's judge model, the provider's first. */
    public List<String> jurors() {
        return panel.jurors(provider.judgeModel());
    }

    /** What answers B when the run generates both answers of a pair. */
    public Optional<SecondBase> secondBase() {
        return Optional.ofNullable(baseB);
    }

    /** True when the judge compares two answers per row. */
    public boolean pairwise() {
        return scheme instanceof PairwiseScheme;
    }

    /**
     * The stages each row goes through, in order: base and judge (every vote of a jury or repeats); for a pair, both
     * answers, then the judge with A shown first and, when the scheme swaps, with B shown first.
     */
    public List<Stage> stages() {
        if (!(scheme instanceof PairwiseScheme pairs)) {
            if (panel.single()) {
                return List.of(Stage.BASE, Stage.JUDGE);
            }
            List<Stage> stages = new java.util.ArrayList<>(panel.votes().size() + 1);
            stages.add(Stage.BASE);
            stages.addAll(panel.votes());
            return List.copyOf(stages);
        }
        return pairs.bothOrders()
                ? List.of(Stage.BASE, Stage.BASE_B, Stage.JUDGE, Stage.JUDGE_BA)
                : List.of(Stage.BASE, Stage.BASE_B, Stage.JUDGE);
    }

    /** The rows its figures count: the rows it covers, less its worked examples. */
    public RowScope scope() {
        return RowScope.of(selection, examples.stream().map(FewShotExample::row).toList());
    }

    /** True when the run covers selected rows only. */
    public boolean selected() {
        return !selection.isEmpty();
    }

    /** The dataset rows the run covers, ascending. */
    public List<Integer> rows() {
        if (selected()) {
            return selection;
        }
        return java.util.stream.IntStream.range(0, dataset.size()).boxed().toList();
    }

    /** True for a row promoted as an example: the judge has seen its answer, so it must not count. */
    public boolean promoted(int row) {
        for (FewShotExample example : examples) {
            if (example.row() == row) {
                return true;
            }
        }
        return false;
    }

    /** A spec whose label set is the dataset's distinct truth labels. */
    public static RunSpec of(Dataset dataset, ColumnMapping mapping, PromptPair prompts, ProviderProfile provider) {
        return new RunSpec(dataset, mapping, LabelSet.fromTruth(dataset, mapping), prompts, provider);
    }
}
