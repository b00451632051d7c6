package io.arbiter.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file through a temporary one in the same folder, moved into place only when complete, so a failed export
 * leaves any earlier file as it was and no partial file behind.
 */
final class ReplacedFile {

    /** What goes into the file. */
    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    private ReplacedFile() {}

    static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        // createFile, not createTempFile: the latter makes the file owner-only, which the export would inherit.
        Path temp =
                Files.createFile(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.write(out);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
