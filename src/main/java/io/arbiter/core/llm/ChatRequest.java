package io.arbiter.core.llm;

/** One chat completion request: a system and a user message to one model. */
public record ChatRequest(String model, String system, String user, double temperature, int maxTokens) {}
