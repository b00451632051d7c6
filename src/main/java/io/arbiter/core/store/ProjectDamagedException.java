package io.arbiter.core.store;

import java.nio.file.Path;
import java.util.Optional;

/** SQLite found the project file damaged; it was not written to. The message says what to do next. */
public final class ProjectDamagedException extends ProjectFileException {

    private final transient Path project;
    private final transient Path backup;

    ProjectDamagedException(Path project, String message, Path backup, Throwable cause) {
        super(message, cause);
        this.project = project;
        this.backup = backup;
    }

    public Path project() {
        return project;
    }

    /** The newest sound backup beside the project, to restore with {@link ProjectBackup#restore}; empty if none. */
    public Optional<Path> backup() {
        return Optional.ofNullable(backup);
    }
}
