package io.arbiter.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the build wrote reads back; what it could not know or did not fill in reads "unknown". */
class ArbiterBuildTest {

    @Test
    void aFilledInBuildIsRecordedWithItsCommit() {
        ArbiterBuild build = ArbiterBuild.of(properties("0.2.0", "0a6c8f167b", "2026-12-02T21:18:07Z"));

        assertEquals("0.2.0+0a6c8f167b", build.recorded());
        assertEquals("Arbiter 0.2.0 (commit 0a6c8f167b, built 2026-12-02T21:18:07Z)", build.describe());
    }

    @Test
    void aBuildOutsideGitOrUnfilteredSaysUnknown() {
        ArbiterBuild noGit = ArbiterBuild.of(properties("0.2.0", "unknown", "2026-12-02T21:18:07Z"));
        ArbiterBuild unfiltered = ArbiterBuild.of(properties("${project.version}", "${arbiter.commit}", ""));

        assertEquals("0.2.0", noGit.recorded(), "no commit to name");
        assertEquals(new ArbiterBuild("unknown", "unknown", "unknown"), unfiltered);
        assertEquals(new ArbiterBuild("unknown", "unknown", "unknown"), ArbiterBuild.of(new Properties()));
    }

    private static Properties properties(String version, String commit, String date) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("commit", commit);
        properties.setProperty("date", date);
        return properties;
    }
}
