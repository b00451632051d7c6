package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.store.BatchFolder;
import io.arbiter.core.store.Opening;
import io.arbiter.core.store.ProjectBackup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Project files the command line cannot simply write: a damaged one is refused with status 7 and its backup named,
 * not one byte written; one in a read-only folder is read by {@code runs} and {@code compare} while {@code run}
 * says it cannot record into it (status 8). The folder's writability is injected, as tests run as root and root
 * writes through permission bits. A batch run's files go beside the project and are gone when it ends.
 */
class ProjectFileFaultsTest {

    @TempDir
    Path dir;

    private SampleFiles files;
    private String out;
    private String err;

    @BeforeEach
    void twoRuns() throws Exception {
        files = SampleFiles.in(dir);
        assertEquals(0, cli(run()), err);
        assertEquals(0, cli(run()), err); // run 2, from the file's cache
    }

    @AfterEach
    void writableAgain() {
        ProjectOpening.writable = Opening::systemWritable;
    }

    @Test
    void aDamagedProjectIsRefusedWithStatus7ItsBackupNamedAndNotOneByteWritten() throws Exception {
        byte[] damaged = Files.readAllBytes(files.project());
        int middle = damaged.length / 2;
        for (int i = middle; i < middle + 8192 && i < damaged.length; i++) {
            damaged[i] = (byte) (i * 31);
        }
        Files.write(files.project(), damaged);

        for (List<String> command : List.of(List.of("runs", files.project().toString()), run())) {
            assertEquals(ArbiterCli.PROJECT_DAMAGED, cli(command), err);
            assertTrue(err.contains("is damaged (SQLite: ") && err.contains("It was left unchanged."), err);
            assertTrue(err.contains("copy movies.arbiter.bak to movies.arbiter."), err);
            assertArrayEquals(damaged, Files.readAllBytes(files.project()));
        }
        assertTrue(Files.isRegularFile(ProjectBackup.newest(files.project())));
    }

    @Test
    void aProjectInAReadOnlyFolderIsReadButNotRunInto() throws Exception {
        byte[] before = Files.readAllBytes(files.project());
        ProjectOpening.writable = file -> false;

        assertEquals(0, cli(List.of("runs", files.project().toString(), "--json")), err);
        assertTrue(out.contains("\"id\":2"), out);
        assertEquals(0, cli(List.of("compare", files.project().toString(), "1", "2")), err);
        assertEquals(ArbiterCli.PROJECT_NOT_WRITABLE, cli(run()));

        assertTrue(
                err.contains("is in a read-only folder or on read-only media, so nothing can be recorded into it"),
                err);
        assertArrayEquals(before, Files.readAllBytes(files.project()));
    }

    @Test
    void aBatchRunKeepsItsFilesBesideTheProjectOnlyWhileItRuns() throws Exception {
        List<String> batch = new ArrayList<>(run());
        batch.addAll(List.of("--mode", "batch"));

        assertEquals(0, cli(batch), err);

        assertFalse(Files.exists(BatchFolder.besidePath(files.project())), "removed when the run ended");
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(
                    0,
                    temp.filter(f -> f.getFileName()
                                    .toString()
                                    .startsWith("arbiter-batch-"
                                            + ProcessHandle.current().pid() + "-"))
                            .count(),
                    "nothing in the temp folder");
        }
    }

    private List<String> run() {
        return List.of(
                "run",
                "--dataset",
                files.dataset().toString(),
                "--input-column",
                "Overview",
                "--truth-column",
                "Genre",
                "--base-prompt",
                files.basePrompt().toString(),
                "--judge-prompt",
                files.judgePrompt().toString(),
                "--project",
                files.project().toString(),
                "--json");
    }

    private int cli(List<String> args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int status =
                ArbiterCli.execute(args.toArray(String[]::new), new PrintWriter(outText), new PrintWriter(errText));
        out = outText.toString();
        err = errText.toString();
        return status;
    }
}
