package io.arbiter.core.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends each request to the client stack of the provider it is routed to ({@link ChatRequest#route}): a juror's own
 * provider, or the run's for a request with no route. Each stack keeps its own retries, rate limits and timeouts.
 */
public final class ProviderRoutes implements ChatClient {

    private final ChatClient own;
    private final Map<String, ChatClient> routes;

    /** {@code own} answers requests without a route; {@code routes} the others, by provider identity. */
    public ProviderRoutes(ChatClient own, Map<String, ChatClient> routes) {
        this.own = own;
        this.routes = Map.copyOf(routes);
    }

    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        return to(request).complete(request);
    }

    @Override
    public ChatReply complete(ChatRequest request, Duration timeout) throws ChatFailure {
        return to(request).complete(request, timeout);
    }

    private ChatClient to(ChatRequest request) {
        if (request.route() == null) {
            return own;
        }
        ChatClient routed = routes.get(request.route());
        if (routed == null) { // a bug, not a provider's failure: never send a juror's vote to the wrong provider
            throw new IllegalStateException("No client for the juror's provider " + request.route());
        }
        return routed;
    }

    /** The run's own provider's models. */
    @Override
    public List<String> models() throws ChatFailure {
        return own.models();
    }

    @Override
    public void close() {
        try {
            own.close();
        } finally {
            routes.values().forEach(ChatClient::close);
        }
    }
}
