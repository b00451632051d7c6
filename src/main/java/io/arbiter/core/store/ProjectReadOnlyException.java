package io.arbiter.core.store;

/** The project is in a read-only folder or on read-only media: it can be opened for reading, not written. */
public final class ProjectReadOnlyException extends ProjectFileException {

    ProjectReadOnlyException(String message) {
        super(message, null);
    }
}
