package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OfflineServerConcurrencyTest {

    @Test
    void servesTwoHundredRequestsFromThirtyTwoThreads() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try (OfflineServer server = OfflineServer.start(0)) {
            OpenAIClient client = OfflineServerSdkTest.clientFor(server, "test");
            try {
                List<Future<String>> replies = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    DemoPrompts.Synopsis synopsis = DemoPrompts.SYNOPSES.get(i % DemoPrompts.SYNOPSES.size());
                    String model = i % 2 == 0 ? DemoModels.BASE : DemoModels.JUDGE;
                    replies.add(clients.submit(() -> client.chat()
                            .completions()
                            .create(OfflineServerSdkTest.baseRequest(model, synopsis.text()))
                            .choices()
                            .get(0)
                            .message()
                            .content()
                            .orElseThrow()));
                }
                for (Future<String> reply : replies) {
                    assertTrue(!reply.get(30, TimeUnit.SECONDS).isBlank());
                }
                assertEquals(200, server.chatRequests());
            } finally {
                client.close();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
