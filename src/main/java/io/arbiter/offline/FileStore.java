package io.arbiter.offline;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The server's files, in memory: batch inputs that clients upload and the outputs and error files of batches. */
final class FileStore {

    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String nonce = Long.toHexString(System.nanoTime());
    private final Clock clock;

    FileStore(Clock clock) {
        this.clock = clock;
    }

    StoredFile add(String filename, String purpose, byte[] content) {
        String id = "file-"
                + DemoChat.digest("file\u0000" + nonce + "\u0000" + sequence.incrementAndGet())
                        .substring(0, 24);
        StoredFile file = new StoredFile(id, filename, purpose, clock.instant().getEpochSecond(), content);
        files.put(id, file);
        return file;
    }

    Optional<StoredFile> get(String id) {
        return Optional.ofNullable(files.get(id));
    }

    StoredFile require(String id) {
        return get(id).orElseThrow(
                        () -> new ApiError(404, "No such File object: " + id, "invalid_request_error", null, "id"));
    }
}
