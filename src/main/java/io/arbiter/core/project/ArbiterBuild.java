package io.arbiter.core.project;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This build of Arbiter: the Maven version, the commit it was built from and when, as the build wrote them into
 * {@code io/arbiter/build.properties}. A value the build could not know (no git checkout) or did not fill in (the
 * classes run from an IDE's own build) reads "unknown". The CLI's {@code --version}, the About box and each run the
 * project records ({@link #recorded()}) name it.
 *
 * @param date when it was built, ISO-8601 in UTC
 */
public record ArbiterBuild(String version, String commit, String date) {

    public static final String UNKNOWN = "unknown";

    private static final ArbiterBuild CURRENT = read();

    /** The build running now. */
    public static ArbiterBuild current() {
        return CURRENT;
    }

    /** From the properties the build filled in; {@code null} or unfilled values are {@link #UNKNOWN}. */
    static ArbiterBuild of(Properties properties) {
        return new ArbiterBuild(
                known(properties.getProperty("version")),
                known(properties.getProperty("commit")),
                known(properties.getProperty("date")));
    }

    /** What a run records as the version that made it: "0.1.0+0a6c8f167b", or the version alone without a commit. */
    public String recorded() {
        return commit.equals(UNKNOWN) ? version : version + "+" + commit;
    }

    /** The build in one line: "Arbiter 0.1.0 (commit 0a6c8f167b, built 2026-12-02T21:18:07Z)". */
    public String describe() {
        return "Arbiter " + version + " (commit " + commit + ", built " + date + ")";
    }

    private static ArbiterBuild read() {
        Properties properties = new Properties();
        try (InputStream in = ArbiterBuild.class.getResourceAsStream("/io/arbiter/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource says as little as a missing one: every value unknown
        }
        return of(properties);
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.strip();
    }
}
