package io.arbiter.ui.workbench;

import java.util.concurrent.CompletionException;

/** A background failure in words for the status line: the cause a future wraps, by its message or else its name. */
final class FailureMessage {

    private FailureMessage() {}

    static String of(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
