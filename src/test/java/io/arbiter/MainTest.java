package io.arbiter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void noArgumentsOpensTheWorkbench() {
        assertTrue(Main.opensWorkbench(new String[0]));
    }

    @Test
    void aProjectFileAloneOpensTheWorkbench(@TempDir Path dir) throws IOException {
        Path project = Files.createFile(dir.resolve("movies.arbiter"));
        assertTrue(Main.opensWorkbench(new String[] {project.toString()}));
    }

    @Test
    void commandsMissingFilesAndOtherFilesStayOnTheCommandLine(@TempDir Path dir) throws IOException {
        Path csv = Files.createFile(dir.resolve("movies.csv"));
        assertFalse(Main.opensWorkbench(new String[] {"--help"}));
        assertFalse(Main.opensWorkbench(new String[] {csv.toString()}));
        assertFalse(
                Main.opensWorkbench(new String[] {dir.resolve("missing.arbiter").toString()}));
        assertFalse(Main.opensWorkbench(new String[] {"run", "--project", csv.toString()}));
    }
}
