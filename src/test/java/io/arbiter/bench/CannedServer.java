package io.arbiter.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Not a test: the "zero-latency local OpenAI-compatible server" of benchmark (a), in a JVM of its own. It answers
 * every chat completion at once with a fixed, well-formed reply (a genre for the base model, "Drama,Correct" for the
 * judge), so what is measured is Arbiter's side of the wire and not the offline demo's classifier, which costs
 * ~450 µs of CPU per request on the same two cores. Run as
 * {@code java -cp <test classpath> io.arbiter.bench.CannedServer PORT [DELAY_MS] [THREADS]}, then point
 * {@code RealtimeRunBenchmark} at {@code http://127.0.0.1:PORT/v1}; DELAY_MS holds every reply back (benchmark b:
 * 200, with THREADS at least the concurrency).
 */
public final class CannedServer {

    private static final byte[] BASE = reply("Drama");
    private static final byte[] JUDGE = reply("Drama,Correct");
    private static final byte[] JUDGE_MODEL = "offline-demo-judge".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        // Headers and body go out in two writes; with Nagle's algorithm on, each reply waits for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        delayMs = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        // A thread per request in flight: a delayed reply must not hold up the others.
        http.setExecutor(Executors.newFixedThreadPool(args.length > 2 ? Integer.parseInt(args[2]) : 32));
        http.createContext("/v1/chat/completions", CannedServer::answer);
        http.start();
        System.out.println("serving at http://127.0.0.1:" + http.getAddress().getPort() + "/v1");
    }

    private static int delayMs;

    private static void answer(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] reply = contains(body, JUDGE_MODEL) ? JUDGE : BASE;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] reply(String content) {
        return ("{\"id\":\"chatcmpl-canned\",\"object\":\"chat.completion\",\"created\":1735689600,"
                        + "\"model\":\"canned\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                        + content + "\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":2,\"total_tokens\":102}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private CannedServer() {}
}
