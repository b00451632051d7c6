package io.arbiter.core.llm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Splits a stage's requests into batch input files within the provider's limits (OpenAI: 50,000 requests and
 * 200 MB a file), writing as it goes so no more than one line is held in memory.
 */
public final class BatchSharder {

    public static final int MAX_LINES = 50_000;
    public static final long MAX_BYTES = 200L * 1024 * 1024;

    /** One written input file. */
    public record Shard(int index, Path file, int lineCount, long bytes) {}

    private final int maxLines;
    private final long maxBytes;

    public BatchSharder() {
        this(MAX_LINES, MAX_BYTES);
    }

    public BatchSharder(int maxLines, long maxBytes) {
        if (maxLines < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("Shard limits must be positive");
        }
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    /**
     * Writes {@code <prefix>-<index>.jsonl} files into {@code directory}.
     *
     * @throws IOException also when a single request is bigger than a whole shard may be
     */
    public List<Shard> write(Iterator<BatchRequestLine> requests, Path directory, String prefix) throws IOException {
        Files.createDirectories(directory);
        List<Shard> shards = new ArrayList<>();
        BatchJsonl.RequestWriter writer = null;
        Path file = null;
        try {
            while (requests.hasNext()) {
                BatchRequestLine request = requests.next();
                if (writer == null) {
                    file = directory.resolve(prefix + "-" + shards.size() + ".jsonl");
                    writer = new BatchJsonl.RequestWriter(
                            new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                }
                byte[] line = writer.encode(request);
                if (line.length > maxBytes) {
                    throw new IOException("The request " + request.customId() + " is " + line.length
                            + " bytes, more than a batch file may hold (" + maxBytes + ")");
                }
                if (writer.lines() == maxLines || writer.bytes() + line.length > maxBytes) {
                    shards.add(finish(writer, shards.size(), file));
                    file = directory.resolve(prefix + "-" + shards.size() + ".jsonl");
                    writer = new BatchJsonl.RequestWriter(
                            new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                }
                writer.writeEncoded(line);
            }
            if (writer != null) {
                shards.add(finish(writer, shards.size(), file));
                writer = null;
            }
            return shards;
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
    }

    private static Shard finish(BatchJsonl.RequestWriter writer, int index, Path file) throws IOException {
        writer.close();
        return new Shard(index, file, (int) writer.lines(), writer.bytes());
    }
}
