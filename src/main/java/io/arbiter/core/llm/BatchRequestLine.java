package io.arbiter.core.llm;

/** One line of a batch input file: a chat request and the id its answer will come back under. */
public record BatchRequestLine(String customId, ChatRequest request) {}
