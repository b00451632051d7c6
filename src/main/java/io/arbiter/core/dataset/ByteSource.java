package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a dataset's bytes come from: a file (which can be opened again) or a stream (once). */
interface ByteSource {

    /** How messages name the source: the file's path, or the name the caller gave a stream. */
    String name();

    /** The file, or null for a stream. */
    Path path();

    /** The size in bytes, or -1 when it is not known. */
    long size();

    InputStream open() throws IOException;

    /** Whether {@link #open()} can be called again, to read the file once more in another encoding. */
    boolean reopenable();

    static ByteSource of(Path file) {
        return new FileBytes(file);
    }

    /** A stream read once; {@code name} is how messages refer to it. */
    static ByteSource of(InputStream in, String name) {
        return new StreamBytes(in, name);
    }

    /** The name a format may judge by its ending (.tsv, .jsonl): the file's own name, without its folder. */
    default String fileName() {
        Path path = path();
        return path != null && path.getFileName() != null ? path.getFileName().toString() : name();
    }

    /** A failure to read, said as "file: problem", or "file, line N: problem" once reading had reached line N. */
    default DatasetException failure(IOException e, long line) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(
                    name()
                            + (line > 0
                                    ? ", line " + line + ": the file disappeared while it was read"
                                    : ": no such file"),
                    e);
        }
        if (e instanceof AccessDeniedException) {
            return new DatasetException(name() + ": permission denied", e);
        }
        String where = line > 0
                ? ", line " + line + ": reading stopped, the file could not be read any more"
                : ": cannot be read";
        return new DatasetException(name() + where + " (" + e.getMessage() + ")", e);
    }

    /** A file on disk. */
    record FileBytes(Path path) implements ByteSource {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public InputStream open() throws IOException {
            if (Files.isDirectory(path)) {
                throw new IOException("is a folder, not a file");
            }
            return Files.newInputStream(path);
        }

        @Override
        public boolean reopenable() {
            return true;
        }
    }

    /** A stream that can be read once. */
    record StreamBytes(InputStream in, String name) implements ByteSource {
        @Override
        public Path path() {
            return null;
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public InputStream open() {
            return in;
        }

        @Override
        public boolean reopenable() {
            return false;
        }
    }
}
