package io.arbiter.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JurorProvider;
import io.arbiter.core.scheme.JudgeSchemes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What counts as unsaved: the setup a project keeps only on Save or a run, not what is written as it happens. */
class WorkbenchSetupTest {

    private static final Dataset ROWS =
            new Dataset("a", List.of("Text", "Label"), List.<String[]>of(new String[] {"x", "y"}));
    private static final ColumnMapping MAPPING = new ColumnMapping(List.of("Text"), "Label", ",");
    private static final WorkbenchSetup SAVED = new WorkbenchSetup(ROWS, MAPPING, "base", "judge", "Offline", "b", "j");

    @Test
    void theSameSetupHasNothingUnsaved() {
        assertEquals(
                List.of(),
                new WorkbenchSetup(
                                ROWS,
                                new ColumnMapping(List.of("Text"), "Label", ","),
                                "base",
                                "judge",
                                "Offline",
                                "b",
                                "j")
                        .changesSince(SAVED));
    }

    @Test
    void labelRenamesAreKeptAsTheyAreMadeSoNeverUnsaved() {
        ColumnMapping renamed = MAPPING.withLabelRenames(Map.of("y", "Y"));
        assertEquals(
                List.of(), new WorkbenchSetup(ROWS, renamed, "base", "judge", "Offline", "b", "j").changesSince(SAVED));
    }

    @Test
    void eachPartThatChangedIsNamed() {
        Dataset sameContent = new Dataset("a", List.of("Text", "Label"), List.<String[]>of(new String[] {"x", "y"}));
        assertEquals(
                List.of("the dataset"),
                new WorkbenchSetup(sameContent, MAPPING, "base", "judge", "Offline", "b", "j").changesSince(SAVED),
                "another loaded dataset, even with the same rows");
        assertEquals(
                List.of("the columns"),
                new WorkbenchSetup(
                                ROWS,
                                new ColumnMapping(List.of("Label"), "Label", ","),
                                "base",
                                "judge",
                                "Offline",
                                "b",
                                "j")
                        .changesSince(SAVED));
        assertEquals(
                List.of("the prompts", "the provider"),
                new WorkbenchSetup(ROWS, MAPPING, "base", "judge, strictly", "Offline", "b", "j2").changesSince(SAVED));
        assertEquals(
                List.of("the provider"),
                new WorkbenchSetup(ROWS, MAPPING, "base", "judge", "OpenAI", "b", "j").changesSince(SAVED));
        assertEquals(List.of("the jury"), withPanel(JudgePanel.of(List.of("j", "j2@groq"), 1, false)));
        assertEquals(List.of("the jury"), withPanel(JudgePanel.of(List.of("j"), 3, false)), "repeats");
        assertEquals(List.of("the jury"), withPanel(JudgePanel.of(List.of("j"), 1, true)), "shuffled labels");
    }

    @Test
    void aJurysProfilesResolvedOrNotAreNoChange() {
        JudgePanel named = JudgePanel.of(List.of("j", "j2@groq"), 1, false);
        WorkbenchSetup saved = new WorkbenchSetup(
                ROWS, MAPPING, "base", "judge", "Offline", "b", "j", JudgeSchemes.DEFAULT, null, named);
        JudgePanel resolved = named.withProviders(Map.of(
                "groq",
                new JurorProvider(
                        "groq",
                        new ProviderProfile("groq", "https://api.groq.com/openai/v1", null, "b", "j", 0.0, 64, 4),
                        0,
                        0,
                        true)));
        assertEquals(
                List.of(),
                new WorkbenchSetup(
                                ROWS,
                                MAPPING,
                                "base",
                                "judge",
                                "Offline",
                                "b",
                                "j",
                                JudgeSchemes.DEFAULT,
                                null,
                                resolved)
                        .changesSince(saved));
    }

    private static List<String> withPanel(JudgePanel panel) {
        return new WorkbenchSetup(
                        ROWS, MAPPING, "base", "judge", "Offline", "b", "j", JudgeSchemes.DEFAULT, null, panel)
                .changesSince(SAVED);
    }
}
