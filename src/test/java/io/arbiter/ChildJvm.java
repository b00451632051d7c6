package io.arbiter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line that runs a class of this build in a JVM of its own, as the tests of separate processes
 * (a kill and resume, a project held by another process, what a run writes to disk) start them.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * {@code java}, {@code options}, the test classpath and {@code mainClass}; the caller adds the arguments. C1 only, as
     * the installed launcher runs the command line: each of these JVMs lives a few seconds, and a fresh JVM's C2
     * compiles take CPU from the test and the others on a 2-core machine.
     */
    public static List<String> command(String mainClass, String... options) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    /** The {@code java} of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
