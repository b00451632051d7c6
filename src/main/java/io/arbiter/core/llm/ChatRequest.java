package io.arbiter.core.llm;

/**
 * One chat completion request: a system and a user message to one model.
 *
 * @param outputSchema the JSON schema the reply must follow ({@code response_format}); null for a plain text reply
 * @param seed         the sampling seed sent to a provider that takes one: a repeated judgement's own, so repeats vary
 *                     reproducibly and are told apart in the cache and ledger; null for a request that is not repeated
 * @param route        the provider identity (base URL) of a juror on a provider other than the run's, which the
 *                     request goes to and is keyed by; null for the run's own provider
 */
public record ChatRequest(
        String model,
        String system,
        String user,
        double temperature,
        int maxTokens,
        OutputSchema outputSchema,
        Integer seed,
        String route) {

    /** A request to the run's own provider. */
    public ChatRequest(
            String model,
            String system,
            String user,
            double temperature,
            int maxTokens,
            OutputSchema outputSchema,
            Integer seed) {
        this(model, system, user, temperature, maxTokens, outputSchema, seed, null);
    }

    /** A request for a plain text reply. */
    public ChatRequest(String model, String system, String user, double temperature, int maxTokens) {
        this(model, system, user, temperature, maxTokens, null, null);
    }

    /** A request without a seed. */
    public ChatRequest(
            String model, String system, String user, double temperature, int maxTokens, OutputSchema outputSchema) {
        this(model, system, user, temperature, maxTokens, outputSchema, null);
    }

    /** The same request asking for a reply that follows {@code schema}. */
    public ChatRequest withOutputSchema(OutputSchema schema) {
        return new ChatRequest(model, system, user, temperature, maxTokens, schema, seed, route);
    }

    /** The same request for a plain text reply. */
    public ChatRequest withoutOutputSchema() {
        return outputSchema == null
                ? this
                : new ChatRequest(model, system, user, temperature, maxTokens, null, seed, route);
    }

    /** The same request with sampling seed {@code value} (null for none). */
    public ChatRequest withSeed(Integer value) {
        return new ChatRequest(model, system, user, temperature, maxTokens, outputSchema, value, route);
    }

    /** The same request sent to the provider {@code identity} (null: the run's own). */
    public ChatRequest withRoute(String identity) {
        return new ChatRequest(model, system, user, temperature, maxTokens, outputSchema, seed, identity);
    }
}
