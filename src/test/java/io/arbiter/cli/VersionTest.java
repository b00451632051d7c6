package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.project.ArbiterBuild;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code arbiter --version} names the version, and the commit and date the build filled in. */
class VersionTest {

    @Test
    void versionPrintsTheVersionTheCommitAndTheBuildDate() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = ArbiterCli.execute(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(err));

        assertEquals(0, status, err.toString());
        List<String> lines = out.toString().lines().toList();
        ArbiterBuild build = ArbiterBuild.current();
        assertEquals("Arbiter " + build.version(), lines.get(0));
        assertTrue(
                build.version().matches("\\d+\\.\\d+\\.\\d+.*"),
                "the pom's version, filtered in by the build: " + build.version());
        assertTrue(
                lines.get(1).matches("build ([0-9a-f]{7,40}|unknown), \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("Java " + Runtime.version()), lines.get(2));
    }
}
