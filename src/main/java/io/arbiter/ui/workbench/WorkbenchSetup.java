package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.SecondBase;
import io.arbiter.core.scheme.JudgeScheme;
import io.arbiter.core.scheme.JudgeSchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of the workbench a project keeps only when asked (Save, or a run starting): the dataset, its mapping,
 * the prompts, the grading scheme, what answers B in a generated pair, the provider with its models, and who else
 * judges. Runs, reviews and label renames are written as they happen, so they are not here. Fields are null for what
 * is not chosen.
 *
 * @param dataset    the rows, compared by identity: the same loaded object, not equal content
 * @param secondBase what answers B in a generated pair; null when the setup generates none
 * @param panel      the other jurors ("Also judged by"), repeats and label shuffling; one judge once when null
 */
record WorkbenchSetup(
        Dataset dataset,
        ColumnMapping mapping,
        String baseText,
        String judgeText,
        String providerName,
        String baseModel,
        String judgeModel,
        JudgeScheme scheme,
        SecondBase secondBase,
        JudgePanel panel) {

    WorkbenchSetup {
        panel = panel == null ? JudgePanel.SINGLE : panel;
    }

    /** A setup judged by its judge model alone, once. */
    WorkbenchSetup(
            Dataset dataset,
            ColumnMapping mapping,
            String baseText,
            String judgeText,
            String providerName,
            String baseModel,
            String judgeModel,
            JudgeScheme scheme,
            SecondBase secondBase) {
        this(dataset, mapping, baseText, judgeText, providerName, baseModel, judgeModel, scheme, secondBase, null);
    }

    /** A setup with one answer per row, or a pair over two answer columns. */
    WorkbenchSetup(
            Dataset dataset,
            ColumnMapping mapping,
            String baseText,
            String judgeText,
            String providerName,
            String baseModel,
            String judgeModel,
            JudgeScheme scheme) {
        this(dataset, mapping, baseText, judgeText, providerName, baseModel, judgeModel, scheme, null);
    }

    /** A setup grading Correct/Incorrect, as every setup did before schemes. */
    WorkbenchSetup(
            Dataset dataset,
            ColumnMapping mapping,
            String baseText,
            String judgeText,
            String providerName,
            String baseModel,
            String judgeModel) {
        this(dataset, mapping, baseText, judgeText, providerName, baseModel, judgeModel, JudgeSchemes.DEFAULT);
    }

    /** What differs from {@code saved}, in words for a question ("the prompts"); empty when nothing does. */
    List<String> changesSince(WorkbenchSetup saved) {
        List<String> changes = new ArrayList<>();
        if (dataset != saved.dataset) {
            changes.add("the dataset");
        } else if (!Objects.equals(withoutRenames(mapping), withoutRenames(saved.mapping))) {
            changes.add("the columns");
        }
        if (!Objects.equals(baseText, saved.baseText)
                || !Objects.equals(judgeText, saved.judgeText)
                || !Objects.equals(promptB(secondBase), promptB(saved.secondBase))) {
            changes.add("the prompts");
        }
        if (!Objects.equals(scheme, saved.scheme)) {
            changes.add("the grading");
        }
        if (!Objects.equals(providerName, saved.providerName)
                || !Objects.equals(baseModel, saved.baseModel)
                || !Objects.equals(modelB(secondBase), modelB(saved.secondBase))
                || !Objects.equals(judgeModel, saved.judgeModel)) {
            changes.add("the provider");
        }
        if (!jury(panel).equals(jury(saved.panel))) {
            changes.add("the jury");
        }
        return changes;
    }

    /**
     * Who else judges and how often, as the project saves them: the names given, not the profiles they resolve to
     * (a profile edited under Providers… is not a change to this project).
     */
    private static List<Object> jury(JudgePanel panel) {
        return List.of(panel.otherJurors(), panel.repeats(), panel.shuffleLabels());
    }

    private static String promptB(SecondBase second) {
        return second == null ? null : second.prompt().text();
    }

    private static String modelB(SecondBase second) {
        return second == null ? null : second.model();
    }

    /** Renames are kept as they are made, so they never make the setup unsaved. */
    private static ColumnMapping withoutRenames(ColumnMapping mapping) {
        return mapping == null ? null : mapping.withLabelRenames(Map.of());
    }
}
