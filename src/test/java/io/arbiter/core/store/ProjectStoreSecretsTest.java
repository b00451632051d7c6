package io.arbiter.core.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.core.llm.CachingChatClient;
import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.RequestKey;
import io.arbiter.core.llm.Usage;
import io.arbiter.core.run.Stage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project file names where a key comes from and never holds the key itself. */
class ProjectStoreSecretsTest {

    private static final String KEY_VARIABLE = "ARBITER_FAKE_PROVIDER_KEY";
    private static final String FAKE_KEY = "sk-arbiter-fake-4e1d0c9b7a3f62d8";
    private static final String URL = "https://api.example.test/v1";

    @TempDir
    Path dir;

    @Test
    void aRunWhoseProviderNeedsAKeyLeavesNoTraceOfTheKeyInTheFile() throws Exception {
        Map<String, String> environment = Map.of(KEY_VARIABLE, FAKE_KEY);
        Path file = dir.resolve("secret-check.arbiter");
        try (ProjectStore store = ProjectStore.open(file)) {
            long run = store.createRun("{\"provider\":{\"name\":\"Example\",\"baseUrl\":\"" + URL
                    + "\",\"apiKeyEnv\":\"" + KEY_VARIABLE + "\"},\"baseModel\":\"m\"}");
            // A client holds the resolved key in memory, as the real one does.
            ChatClient provider = new KeyHoldingClient(environment.get(KEY_VARIABLE));
            CachingChatClient client = new CachingChatClient(provider, store, URL);
            for (int row = 0; row < 20; row++) {
                ChatRequest request = new ChatRequest("m", "Reply with one genre.", "Row " + row, 0.0, 16);
                ChatReply reply = client.complete(request);
                store.recordResponse(new StoredResponse(
                        run, Stage.BASE, row, reply.content(), null, reply.usage(), RequestKey.of(URL, request)));
            }
            store.upsertShard(
                    new BatchShard(run, Stage.JUDGE, 0, "file-abc", "batch-abc", "in_progress", 20, null, null, null));
            store.updateRunStatus(run, "COMPLETED");

            assertNoKeyIn(dir); // while open: the WAL and shared-memory files too
        }
        assertNoKeyIn(dir);
    }

    private static void assertNoKeyIn(Path dir) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.toList();
        }
        for (Path f : files) {
            all.write(Files.readAllBytes(f));
        }
        byte[] bytes = all.toByteArray();
        // The scan works: the variable's name is there...
        assertTrue(
                contains(bytes, KEY_VARIABLE.getBytes(StandardCharsets.UTF_8)), "variable name not found in " + files);
        // ...and the key is not, in any encoding SQLite might use.
        assertFalse(contains(bytes, FAKE_KEY.getBytes(StandardCharsets.UTF_8)), "key found in " + files);
        assertFalse(contains(bytes, FAKE_KEY.getBytes(StandardCharsets.UTF_16LE)), "key found in " + files);
        assertFalse(contains(bytes, FAKE_KEY.getBytes(StandardCharsets.UTF_16BE)), "key found in " + files);
        assertFalse(contains(bytes, FAKE_KEY.substring(0, 12).getBytes(StandardCharsets.UTF_8)), "key prefix found");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Stands in for a provider client: it has the key, as the SDK client does, and answers every row. */
    private record KeyHoldingClient(String apiKey) implements ChatClient {

        @Override
        public ChatReply complete(ChatRequest request) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("no key");
            }
            return new ChatReply("Western", new Usage(12, 1));
        }

        @Override
        public List<String> models() {
            return List.of("m");
        }

        @Override
        public void close() {}
    }
}
