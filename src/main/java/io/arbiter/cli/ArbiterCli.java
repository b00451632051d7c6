package io.arbiter.cli;

import io.arbiter.core.project.ArbiterBuild;
import io.arbiter.core.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code arbiter run | runs | compare | label-next | batch-export | batch-import | inspect | metrics | serve}. */
@Command(
        name = "arbiter",
        mixinStandardHelpOptions = true,
        versionProvider = ArbiterCli.Version.class,
        description = "Evaluate a language model with an LLM as a judge.",
        subcommands = {
            RunCommand.class,
            RunsCommand.class,
            CompareCommand.class,
            LabelNextCommand.class,
            HeldOutCommand.class,
            BatchExportCommand.class,
            BatchImportCommand.class,
            InspectCommand.class,
            MetricsCommand.class,
            ServeCommand.class
        })
public final class ArbiterCli implements Runnable {

    /** Exit status for bad input: a wrong flag, a missing file, a column that is not there. */
    public static final int BAD_INPUT = 2;
    /** Exit status when a run ended below a {@code --fail-below} threshold: for cron and CI. */
    public static final int BELOW_THRESHOLD = 3;
    /** Exit status when the provider could not be used. */
    public static final int PROVIDER_FAILED = 4;
    /**
     * Exit status when a run ended with rows left without an answer (each with its error in the results), unless
     * {@code --allow-errors} is given: a run that did not answer every row is not a success.
     */
    public static final int ROWS_UNANSWERED = 5;
    /**
     * Exit status when another process has the project open (the message says which, on which host, since when);
     * {@code --wait} waits for it instead. {@code runs} and {@code compare} read alongside it and never get this.
     */
    public static final int PROJECT_IN_USE = 6;
    /** Exit status when SQLite finds the project file damaged; it is left unchanged, the message names its backup. */
    public static final int PROJECT_DAMAGED = 7;
    /**
     * Exit status when the project cannot be written: a read-only folder or medium, a full disk or an I/O error.
     * What arrived before is kept; free space (or copy the project somewhere writable) and run again to go on.
     */
    public static final int PROJECT_NOT_WRITABLE = 8;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Runs the command line and returns its exit status; nothing here calls System.exit. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ArbiterCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(
                    "arbiter: " + e.getMessage() + " (see 'arbiter " + commandName(e.getCommandLine()) + " --help')");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("arbiter: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            if (e instanceof StoreException store && store.kind() != StoreException.Kind.OTHER) {
                return PROJECT_NOT_WRITABLE; // a full or failing disk, or a read-only file
            }
            return e instanceof CliFailure failure ? failure.status() : 1;
        });
        return cli.execute(args);
    }

    /** {@code arbiter --version}: the version, then the commit and date it was built from and on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            ArbiterBuild build = ArbiterBuild.current();
            return new String[] {
                "Arbiter " + build.version(),
                "build " + build.commit() + ", " + build.date(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
            };
        }
    }

    private static String commandName(CommandLine commandLine) {
        return commandLine.getCommandName().equals("arbiter") ? "" : commandLine.getCommandName();
    }
}
