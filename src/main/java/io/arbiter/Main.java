package io.arbiter;

import io.arbiter.cli.ArbiterCli;
import io.arbiter.ui.ArbiterApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Entry point of the jar: with no arguments, or a project file alone, it opens the workbench, otherwise it runs a
 * command line.
 * It does not extend Application, so the jar starts JavaFX from the plain class path.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (opensWorkbench(args)) {
            ArbiterApp.main(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(ArbiterCli.execute(args, out, err));
    }

    /**
     * True for no arguments, or for one that names an existing {@code .arbiter} file: what the desktop passes when a
     * project is double-clicked (the installers' file association), which opens in the workbench.
     */
    static boolean opensWorkbench(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length != 1 || !args[0].endsWith(".arbiter")) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(args[0]));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
