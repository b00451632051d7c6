package io.arbiter.core.project;

import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.prompt.PromptPair;
import io.arbiter.core.run.RunEngine;
import io.arbiter.core.run.RunListener;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.scheme.ScoreScheme;
import io.arbiter.core.store.ProjectRunLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scoring runs recorded in a project as the workbench and the CLI record them, with a judge that gives the scores it
 * is told to: answers already in the dataset (judge-only), people's scores in a column, the rubric scheme 1-5.
 */
public final class ScoreRuns {

    /** People's scores of the answers, row by row; 0 is a row nobody scored. */
    public static final int[] HUMAN = {5, 4, 3, 2, 1, 5, 4, 3, 2, 1, 4, 2, 0};

    public static final ColumnMapping MAPPING = new ColumnMapping(
            List.of("question"),
            null,
            "",
            "answer",
            Map.of(),
            TaskKind.GENERATE,
            new JudgeColumns(null, "human_score", null));

    private static final Pattern ROW = Pattern.compile("q(\\d+)");

    private ScoreRuns() {}

    /** The questions, their answers and people's scores ({@link #HUMAN}). */
    public static Dataset dataset() {
        return dataset(HUMAN);
    }

    /** Questions q0, q1, … with their answers and people's scores {@code human} (0: none). */
    public static Dataset dataset(int[] human) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < human.length; i++) {
            rows.add(new String[] {"q" + i, "answer " + i, human[i] == 0 ? "" : Integer.toString(human[i])});
        }
        return new Dataset("support.csv", List.of("question", "answer", "human_score"), rows);
    }

    /**
     * Records a finished run whose judge scores row i with {@code judge[i]} ("Score: N"; 0 gives an off-format reply),
     * and returns its id.
     */
    public static long record(Project project, int[] judge) throws java.io.IOException {
        return record(project, dataset(), judge, ScoreScheme.DEFAULT);
    }

    /** The same rows judged with Correct/Incorrect verdicts, for the verdict scheme's unchanged behaviour. */
    public static long recordVerdicts(Project project) throws java.io.IOException {
        return record(project, dataset(), new int[HUMAN.length], io.arbiter.core.scheme.JudgeSchemes.DEFAULT);
    }

    /** A run over {@code dataset} (made by {@link #dataset(int[])}) graded by {@code scheme}. */
    public static long record(Project project, Dataset dataset, int[] judge, io.arbiter.core.scheme.JudgeScheme scheme)
            throws java.io.IOException {
        String sha = project.saveDataset(dataset).sha256();
        project.saveMapping(MAPPING);
        ProviderProfile profile =
                new ProviderProfile("scripted", "http://127.0.0.1:1/v1", null, "base", "judge", 0, 64, 2);
        PromptPair prompts = PromptPair.of(
                "Answer the question.", "Question: {{question}}\nAnswer: {{base_answer}}\nScore it on {{scale}}.");
        RunSpec plain = RunSpec.of(dataset, MAPPING, prompts, profile);
        RunSpec spec = new RunSpec(dataset, MAPPING, plain.labels(), prompts, profile, List.of(), List.of(), scheme);
        long runId = project.store().createRun("{\"test\":" + System.nanoTime() + "}");
        project.describeRun(runId, spec, sha, "realtime");
        project.finishRun(
                runId,
                new RunEngine(new Judge(judge), new ProjectRunLedger(project.store(), runId))
                        .runToEnd(spec, RunListener.NONE),
                null);
        return runId;
    }

    /** Gives each row the score it was told to. */
    private record Judge(int[] scores) implements ChatClient {

        @Override
        public ChatReply complete(ChatRequest request) {
            String prompt = request.system() + "\n" + request.user(); // the prompt may be split between them
            Matcher row = ROW.matcher(prompt);
            if (!row.find()) {
                throw new IllegalStateException("No question in " + prompt);
            }
            int score = scores[Integer.parseInt(row.group(1))];
            if (score == 0) { // off-format for a scoring judge; a verdict judge's usual reply
                return new ChatReply("answer,Correct", new Usage(1, 1));
            }
            return new ChatReply("Fair.\nScore: " + score, new Usage(1, 1));
        }

        @Override
        public List<String> models() {
            return List.of("judge");
        }

        @Override
        public void close() {}
    }
}
