package io.arbiter.cli;

import io.arbiter.core.project.Project;
import io.arbiter.core.store.Opening;
import io.arbiter.core.store.ProjectDamagedException;
import io.arbiter.core.store.ProjectFileException;
import io.arbiter.core.store.ProjectInUseException;
import io.arbiter.core.store.ProjectReadOnlyException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * How the commands open a project, and what each refusal exits with. {@code run}, {@code batch-import} and
 * {@code batch-export} write (batch-export records the run it exports for), so they hold the project: one process
 * at a time, refused with {@link ArbiterCli#PROJECT_IN_USE} or, with {@code --wait}, waiting. {@code runs} and
 * {@code compare} only read: they take no lock and work while another process runs on the project.
 */
final class ProjectOpening {

    /** Whether a project's folder can be written; tests replace it, as root writes through permission bits. */
    static Predicate<Path> writable = Opening::systemWritable;

    private ProjectOpening() {}

    /** Opens (or creates) a project to write into; notices (waiting, a stale lock taken over) go to {@code err}. */
    static Project forWriting(Path project, boolean wait, String by, PrintWriter err) {
        Opening opening = Opening.forWriting(by)
                .waiting(wait)
                .writableWhen(writable)
                .notifying(notice -> {
                    err.println("arbiter: " + notice);
                    err.flush();
                });
        try {
            return Project.open(project, opening);
        } catch (ProjectInUseException e) {
            throw new CliFailure(
                    e.getMessage() + " Wait until it is done or close it there, or give --wait to "
                            + "wait until it is free.",
                    ArbiterCli.PROJECT_IN_USE);
        } catch (ProjectFileException e) {
            throw refusal(e);
        }
    }

    /** Opens an existing project to read, alongside any process writing it. */
    static Project forReading(Path project) {
        if (!Files.isRegularFile(project)) {
            throw new CliFailure("no such project " + project, ArbiterCli.BAD_INPUT);
        }
        try {
            return Project.open(project, Opening.forReading().writableWhen(writable));
        } catch (ProjectInUseException e) { // only to bring an older file's format up to date
            throw new CliFailure(e.getMessage(), ArbiterCli.PROJECT_IN_USE);
        } catch (ProjectFileException e) {
            throw refusal(e);
        }
    }

    private static CliFailure refusal(ProjectFileException e) {
        int status = e instanceof ProjectDamagedException
                ? ArbiterCli.PROJECT_DAMAGED
                : e instanceof ProjectReadOnlyException ? ArbiterCli.PROJECT_NOT_WRITABLE : ArbiterCli.BAD_INPUT;
        return new CliFailure(e.getMessage(), status);
    }
}
