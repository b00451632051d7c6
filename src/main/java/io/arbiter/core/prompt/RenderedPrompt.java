package io.arbiter.core.prompt;

/**
 * A prompt filled in for one row, as the two chat messages a provider receives.
 *
 * @param system the system message; empty when the template has none
 * @param user   the user message
 */
public record RenderedPrompt(String system, String user) {}
