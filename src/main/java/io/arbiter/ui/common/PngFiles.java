package io.arbiter.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;

/** Writes a chart's image as a PNG file in the background. */
public final class PngFiles {

    private PngFiles() {}

    /** Encodes and writes {@code image} to {@code file} on {@code executor}; completes with the file. */
    public static CompletableFuture<Path> write(TaskExecutor executor, BufferedImage image, Path file) {
        return executor.submit(() -> {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("No PNG writer is available");
            }
            return file;
        });
    }
}
