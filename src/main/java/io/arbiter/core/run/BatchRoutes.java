package io.arbiter.core.run;

import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.OpenAiBatchClient;
import java.util.Map;

/**
 * The Batch API client of each provider a run's batches go to: the run's own for every stage whose requests carry no
 * route, and a juror's own provider's ({@code model@profile}) for its votes, by that provider's identity as
 * {@link io.arbiter.core.llm.ChatRequest#route} names it. A batch is uploaded, created, polled, cancelled and read
 * at one provider, the one its {@link BatchJob#provider} names, since a file or batch id means nothing at another.
 */
public final class BatchRoutes implements AutoCloseable {

    private final OpenAiBatchClient own;
    private final Map<String, OpenAiBatchClient> routes;

    /** {@code own} takes batches without a route; {@code routes} the others, by provider identity. */
    public BatchRoutes(OpenAiBatchClient own, Map<String, OpenAiBatchClient> routes) {
        this.own = own;
        this.routes = Map.copyOf(routes);
    }

    /** Every batch at the run's own provider. */
    public static BatchRoutes only(OpenAiBatchClient own) {
        return new BatchRoutes(own, Map.of());
    }

    /** True when batches routed to {@code provider} (null: the run's own) have a client here. */
    public boolean reaches(String provider) {
        return provider == null || routes.containsKey(provider);
    }

    /**
     * The client of the provider a batch belongs to. A provider without one is the run's failure, never a reason to
     * ask another provider about a batch it has never seen.
     */
    OpenAiBatchClient to(String provider) throws ChatFailure {
        if (provider == null) {
            return own;
        }
        OpenAiBatchClient routed = routes.get(provider);
        if (routed == null) {
            throw new ChatFailure(
                    "A batch of this run was sent to a juror's provider that the run no longer names (its profile's"
                            + " URL changed?); put the juror's profile back as it was to collect it",
                    true,
                    null);
        }
        return routed;
    }

    @Override
    public void close() {
        try {
            own.close();
        } finally {
            routes.values().forEach(OpenAiBatchClient::close);
        }
    }
}
