package io.arbiter;

import io.arbiter.cli.ArbiterCli;
import io.arbiter.ui.ArbiterApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the jar: with no arguments it opens the workbench, otherwise it runs a command line.
 * It does not extend Application, so the jar starts JavaFX from the plain class path.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            ArbiterApp.main(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(ArbiterCli.execute(args, out, err));
    }
}
