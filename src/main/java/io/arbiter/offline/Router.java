package io.arbiter.offline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;

/** Dispatches exchanges to routes, checks the API key and turns every failure into an OpenAI-style JSON error. */
final class Router implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final List<Route> routes;
    private final Optional<String> requiredApiKey;
    /** 0 for OpenAI's plain 401; else the status of a refusal that echoes the key sent. */
    private final int echoRefusedKeyStatus;
    /** Exchanges the hang fault keeps open without an answer; closed when the server stops. */
    private final Set<HttpExchange> neverAnswered = ConcurrentHashMap.newKeySet();

    Router(List<Route> routes, Optional<String> requiredApiKey, int echoRefusedKeyStatus) {
        this.routes = List.copyOf(routes);
        this.requiredApiKey = requiredApiKey;
        this.echoRefusedKeyStatus = echoRefusedKeyStatus;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiResponse response;
        try {
            response = dispatch(exchange);
        } catch (NeverAnswer e) {
            neverAnswered.add(exchange); // left open, its thread free for other requests
            return;
        } catch (ConnectionReset e) {
            // Closing the exchange before sending headers closes the connection: the client reads no reply.
            exchange.close();
            return;
        } catch (ApiError e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            // A bug in an endpoint must cost one request, never the server thread.
            LOG.log(Level.WARNING, "Offline server failed on " + exchange.getRequestURI(), e);
            response = ApiError.internal("The offline server failed: " + e).toResponse();
        } catch (IOException e) {
            exchange.close();
            throw e;
        }
        try (exchange) {
            write(exchange, response);
        }
    }

    /** Closes the connections the hang fault left open, so a stopping server leaves nothing waiting. */
    void closeNeverAnswered() {
        for (HttpExchange exchange : neverAnswered) {
            exchange.close();
        }
        neverAnswered.clear();
    }

    private ApiResponse dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            // Read the body even for errors, so a keep-alive connection stays usable.
            body = in.readAllBytes();
        }
        checkApiKey(exchange);
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher match = route.path().matcher(path);
            if (!match.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equalsIgnoreCase(method)) {
                return route.endpoint()
                        .handle(new ApiRequest(
                                method,
                                path,
                                match,
                                exchange.getRequestURI().getRawQuery(),
                                exchange.getRequestHeaders(),
                                body));
            }
        }
        throw pathKnown ? ApiError.methodNotAllowed(method, path) : ApiError.unknownPath(method, path);
    }

    private void checkApiKey(HttpExchange exchange) {
        if (requiredApiKey.isEmpty()) {
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + requiredApiKey.get())) {
            throw echoRefusedKeyStatus == 0
                    ? ApiError.invalidApiKey()
                    : ApiError.echoingKey(echoRefusedKeyStatus, authorization);
        }
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        // -1 tells the JDK server "no body"; any other value becomes Content-Length.
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
