package io.arbiter.core.llm;

/**
 * One chat completion request: a system and a user message to one model.
 *
 * @param outputSchema the JSON schema the reply must follow ({@code response_format}); null for a plain text reply
 */
public record ChatRequest(
        String model, String system, String user, double temperature, int maxTokens, OutputSchema outputSchema) {

    /** A request for a plain text reply. */
    public ChatRequest(String model, String system, String user, double temperature, int maxTokens) {
        this(model, system, user, temperature, maxTokens, null);
    }

    /** The same request asking for a reply that follows {@code schema}. */
    public ChatRequest withOutputSchema(OutputSchema schema) {
        return new ChatRequest(model, system, user, temperature, maxTokens, schema);
    }

    /** The same request for a plain text reply. */
    public ChatRequest withoutOutputSchema() {
        return outputSchema == null ? this : new ChatRequest(model, system, user, temperature, maxTokens, null);
    }
}
