package io.arbiter.core.llm;

/** A model's reply text and the tokens it cost. */
public record ChatReply(String content, Usage usage) {
}
