package io.arbiter.core.store;

import java.io.IOException;

/**
 * A file that cannot be opened as a project, said so that the user knows which file and why; it is left as it was.
 * Subclasses say why when a caller acts on it: in use, damaged, or not writable.
 */
public class ProjectFileException extends IOException {

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
