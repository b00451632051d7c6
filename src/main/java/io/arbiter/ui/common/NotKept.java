package io.arbiter.ui.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The status line's words for a choice kept per user (the theme, the results columns) that could not be written: what
 * was lost, the file, and why in plain words. A lost choice stops nothing, but the user should know it will not come
 * back at the next launch.
 */
public final class NotKept {

    private NotKept() {}

    /**
     * Runs {@code save} through {@code executor}: {@code problem} is cleared first (so the same failure twice is said
     * twice) and given the message if the write fails. Call on the UI thread.
     */
    public static void write(
            TaskExecutor executor, String what, Path file, Callable<?> save, Consumer<String> problem) {
        problem.accept("");
        executor.submit(save).whenComplete((saved, failure) -> {
            if (failure != null) {
                problem.accept(message(what, file, failure));
            }
        });
    }

    /** "The theme was not kept for the next launch: could not write /home/u/.config/arbiter/theme.json (…)." */
    public static String message(String what, Path file, Throwable failure) {
        return "The " + what + " was not kept for the next launch: could not write " + file + " (" + why(failure)
                + ").";
    }

    private static String why(Throwable failure) {
        Throwable cause = LatestOnly.causeOf(failure);
        if (cause instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder"; // what creating the config folder runs into
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return LatestOnly.messageOf(cause);
    }
}
