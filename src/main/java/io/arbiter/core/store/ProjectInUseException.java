package io.arbiter.core.store;

import java.nio.file.Path;
import java.util.Optional;

/** Another process holds the project open; the message names it (process id, host, since when) when it said. */
public final class ProjectInUseException extends ProjectFileException {

    private final transient LockHolder holder;

    ProjectInUseException(Path project, LockHolder holder) {
        super(project + " is in use by " + (holder == null ? "another process" : holder.describe()) + ".", null);
        this.holder = holder;
    }

    /** Who holds it, when its lock file said so. */
    public Optional<LockHolder> holder() {
        return Optional.ofNullable(holder);
    }
}
