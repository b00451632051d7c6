package io.arbiter.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.OpenAiChatClient;
import io.arbiter.core.run.MovieRuns;
import io.arbiter.core.run.RunSpec;
import io.arbiter.core.run.StageRequests;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark, not a test: the offline server alone, driven by plain keep-alive sockets (one per thread, the
 * cheapest client there is) with the base-stage requests of a movie run, to tell the server's share of a realtime
 * run from the client stack's. Run as
 * {@code java -cp <test classpath> io.arbiter.bench.ServerLoadBenchmark [REQUESTS] [CONCURRENCY] [DELAY_MS] [URL|-] [sdk]}
 * (with URL, e.g. {@code http://127.0.0.1:8080/v1}, against a server in another process; {@code -}: in-process;
 * {@code sdk}: through {@link OpenAiChatClient} instead of plain sockets, to see what the SDK costs by itself).
 */
public final class ServerLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int delayMs = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        boolean sdk = args.length > 4 && args[4].equals("sdk");
        OfflineServer server = args.length > 3 && !args[3].equals("-")
                ? null
                : OfflineServer.builder()
                        .port(0)
                        .threads(Math.max(32, concurrency * 2))
                        .faults(FaultPlan.parse("slow=1.0:" + delayMs + "ms"))
                        .start();
        URI base = server != null ? server.baseUrl() : URI.create(args[3]);
        try {
            RunSpec spec = MovieRuns.spec(MovieRuns.movies(requests), base.toString(), concurrency);
            List<ChatRequest> chats = new ArrayList<>(requests);
            StageRequests stage = new StageRequests(spec);
            for (int row = 0; row < requests; row++) {
                chats.add(stage.base(row));
            }
            List<byte[]> bodies = bodies(chats);
            OpenAiChatClient client = sdk ? OpenAiChatClient.withoutSdkRetries(spec.provider()) : null;
            Load load = client != null
                    ? (count, c) -> runSdk(client, chats, c, count)
                    : (count, c) -> run(base, bodies, c, count);
            LATENCIES = new long[requests];
            load.run(Math.min(requests, 2000), concurrency); // warm-up
            long start = System.nanoTime();
            long cpuStart = ThreadCpu.processNanos();
            int errors = load.run(requests, concurrency);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (ThreadCpu.processNanos() - cpuStart) / 1e3;
            double ideal = requests * (delayMs / 1000.0) / concurrency;
            System.out.printf(
                    Locale.ROOT,
                    "%s server, %s: %d requests, concurrency %d, %d ms per reply%n",
                    server != null ? "in-process" : "separate",
                    sdk ? "openai-java" : "plain sockets",
                    requests,
                    concurrency,
                    delayMs);
            System.out.printf(
                    Locale.ROOT,
                    "wall %.2f s, ideal %.2f s (%.0f%% of ideal), %.0f requests/s, errors %d, this JVM's CPU %.0f µs per request%n",
                    seconds,
                    ideal,
                    100 * ideal / seconds,
                    requests / seconds,
                    errors,
                    cpuMicros / requests);
            System.out.println(ThreadCpu.report());
            if (!sdk) {
                long[] sorted = LATENCIES.clone();
                java.util.Arrays.sort(sorted);
                System.out.printf(
                        Locale.ROOT,
                        "latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                        sorted[requests / 2] / 1e6,
                        sorted[requests * 9 / 10] / 1e6,
                        sorted[requests * 99 / 100] / 1e6,
                        sorted[requests - 1] / 1e6);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Each plain-socket request's time from first byte sent to last byte read, by request number. */
    private static long[] LATENCIES = new long[0];

    private static final long RUN_TAG = System.currentTimeMillis();

    private interface Load {
        int run(int count, int concurrency) throws Exception;
    }

    private static List<byte[]> bodies(List<ChatRequest> requests) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<byte[]> bodies = new ArrayList<>(requests.size());
        for (ChatRequest request : requests) {
            ObjectNode body = json.createObjectNode()
                    .put("model", request.model())
                    .put("temperature", request.temperature())
                    .put("max_completion_tokens", request.maxTokens());
            var messages = body.putArray("messages");
            if (request.system() != null && !request.system().isBlank()) {
                messages.addObject().put("role", "system").put("content", request.system());
            }
            messages.addObject().put("role", "user").put("content", request.user());
            // A server in another process outlives one benchmark: a fresh tag keeps every body new to its fault plan
            // (a body already slowed max-faults times is answered at once).
            body.put("user", "bench-" + RUN_TAG);
            bodies.add(json.writeValueAsBytes(body));
        }
        return bodies;
    }

    /** Sends the first {@code count} requests through the SDK client from {@code concurrency} threads. */
    private static int runSdk(OpenAiChatClient client, List<ChatRequest> chats, int concurrency, int count)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        client.complete(chats.get(i));
                    } catch (ChatFailure e) {
                        errors.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return errors.get();
    }

    /** Sends the first {@code count} bodies over {@code concurrency} connections; returns the non-200 count. */
    private static int run(URI base, List<byte[]> bodies, int concurrency, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        byte[] body = bodies.get(i);
                        String head = "POST " + base.getPath() + "/chat/completions HTTP/1.1\r\nHost: "
                                + base.getHost() + ":" + base.getPort() + "\r\nContent-Type: application/json\r\n"
                                + "Authorization: Bearer bench\r\nContent-Length: " + body.length + "\r\n\r\n";
                        out.write(head.getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                        if (readResponse(in) != 200) {
                            errors.incrementAndGet();
                        }
                        LATENCIES[i] = System.nanoTime() - sent;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println("connection failed: " + e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return errors.get();
    }

    /** Reads one response (Content-Length bodies only, as the offline server sends) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
