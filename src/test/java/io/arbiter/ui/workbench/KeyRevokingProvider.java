package io.arbiter.ui.workbench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider in front of another (the offline server) that passes a number of chat requests on, then refuses the key
 * with a 401 until it is restored: a run that stops at a known request, with no timing involved. The requests it
 * refuses never reach the server behind it, so that server's counters show only what was answered.
 */
final class KeyRevokingProvider implements AutoCloseable {

    private static final byte[] REFUSED =
            """
            {"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}
            """
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpServer http;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstreamRoot;
    private final AtomicInteger passes;
    private volatile boolean restored;

    /** Passes {@code chatRequests} chat completions on to the server at {@code upstream}, then refuses the rest. */
    KeyRevokingProvider(URI upstream, int chatRequests) throws IOException {
        this.upstreamRoot = URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority());
        this.passes = new AtomicInteger(chatRequests);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::handle);
        http.setExecutor(threads);
        http.start();
    }

    /** The base URL clients use, as a provider's. */
    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
    }

    /** From now on every request is passed on: the key works again. */
    void restore() {
        restored = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (path.endsWith("/chat/completions") && !restored && passes.getAndDecrement() <= 0) {
                respond(exchange, 401, "application/json", REFUSED);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder forward = HttpRequest.newBuilder(
                            upstreamRoot.resolve(path + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                forward.header("Content-Type", type);
            }
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            respond(
                    exchange,
                    answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse("application/json"),
                    answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
