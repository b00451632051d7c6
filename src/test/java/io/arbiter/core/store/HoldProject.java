package io.arbiter.core.store;

import io.arbiter.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Another process for lock tests: a JVM that opens a project for writing, says "holding", and keeps it open until
 * its standard input closes (then closes it cleanly) or it is killed. Tests wait on its words, never on time.
 */
public final class HoldProject implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;

    private HoldProject(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        ProjectStore opened;
        try {
            opened = ProjectStore.open(Path.of(args[0]), Opening.forWriting("a test holder"));
        } catch (ProjectInUseException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(6);
            return;
        }
        try (ProjectStore store = opened) {
            System.out.println("holding " + store.file());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream()); // until the test closes this end
        }
        System.out.println("released");
        System.out.flush();
    }

    /** Starts a holder and returns once it holds {@code project}; throws with what it said when it was refused. */
    public static HoldProject start(Path project) throws Exception {
        List<String> command = ChildJvm.command(HoldProject.class.getName());
        command.add(project.toString());
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        HoldProject holder = new HoldProject(process);
        String said = holder.nextLine();
        if (said == null || !said.startsWith("holding")) {
            process.destroyForcibly();
            throw new IllegalStateException("the holder did not take the project: " + said);
        }
        return holder;
    }

    public long pid() {
        return process.pid();
    }

    /** Lets go cleanly, as a process that closes the project does; returns once it has. */
    public void release() throws Exception {
        process.getOutputStream().close();
        String said = nextLine();
        if (!"released".equals(said)) {
            throw new IllegalStateException("the holder did not release the project: " + said);
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGKILL: no close, no cleanup, the lock file left naming it; returns once it is gone. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private String nextLine() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                })
                .get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
