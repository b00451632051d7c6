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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: the "zero-latency local OpenAI-compatible server" of benchmark (a), in a JVM of its own. It answers
 * every chat completion at once with a fixed, well-formed reply (a genre for the base model, "Drama,Correct" for the
 * judge), so what is measured is Arbiter's side of the wire and not the offline demo's classifier, which costs
 * ~450 µs of CPU per request on the same two cores. Run as
 * {@code java -cp <test classpath> io.arbiter.bench.CannedServer PORT [DELAY_MS] [THREADS] [arrivals]}, then point
 * {@code RealtimeRunBenchmark} or {@code arbiter run} at {@code http://127.0.0.1:PORT/v1}; DELAY_MS holds every reply
 * back (benchmark b: 200) without holding a thread, THREADS read requests (default 2).
 */
public final class CannedServer {

    private static final byte[] BASE = reply("Drama");
    private static final byte[] JUDGE = reply("Drama,Correct");
    private static final byte[] JUDGE_MODEL = "offline-demo-judge".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        // Headers and body go out in two writes; with Nagle's algorithm on, each reply waits for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server closes a connection that goes idle while 200 others are (its default): at concurrency 256
        // that closed connections the client had pooled, and each next request on one failed and was sent again.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "2048");
        HttpServer http = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        delayMs = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        // A delayed reply waits on the scheduler, not on a thread of its own: a server that parks a thread per request
        // in flight spends ~250 µs of CPU per request on the two cores the client is measured on, which a remote
        // provider would not.
        http.setExecutor(Executors.newFixedThreadPool(args.length > 2 ? Integer.parseInt(args[2]) : 2));
        http.createContext("/v1/chat/completions", CannedServer::answer);
        http.start();
        if (args.length > 3 && args[3].equals("arrivals")) {
            Thread counter = new Thread(CannedServer::printArrivals, "arrivals");
            counter.setDaemon(true);
            counter.start();
        }
        System.out.println("serving at http://127.0.0.1:" + http.getAddress().getPort() + "/v1");
    }

    private static final AtomicInteger ARRIVED = new AtomicInteger();
    private static int delayMs;

    /**
     * With "arrivals": after each burst of requests (a second with none), how many arrived in each 100 ms, to see
     * where a run falls behind the ideal (256 at once, then a steady pace).
     */
    private static void printArrivals() {
        StringBuilder burst = new StringBuilder();
        int quiet = 0;
        int last = 0;
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            int now = ARRIVED.get();
            int in = now - last;
            last = now;
            if (in > 0) {
                burst.append(in).append(' ');
                quiet = 0;
            } else if (burst.length() > 0 && ++quiet == 10) {
                System.out.println("arrivals per 100 ms: " + burst);
                burst.setLength(0);
            } else if (burst.length() > 0) {
                burst.append("0 ");
            }
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        ARRIVED.incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        byte[] reply = contains(body, JUDGE_MODEL) ? JUDGE : BASE;
        if (delayMs == 0) {
            send(exchange, reply);
            return;
        }
        // The exchange stays open after the handler returns and is answered from the scheduler's thread.
        DELAYED.schedule(
                () -> {
                    try {
                        send(exchange, reply);
                    } catch (IOException e) {
                        exchange.close(); // the client gave up: nothing to answer
                    }
                },
                delayMs,
                TimeUnit.MILLISECONDS);
    }

    private static final ScheduledExecutorService DELAYED = Executors.newSingleThreadScheduledExecutor();

    private static void send(HttpExchange exchange, byte[] reply) throws IOException {
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
