/**
 * Talking to OpenAI-compatible providers through openai-java: provider profiles and saved settings (never a key, only
 * where it is read from), the chat client with its retry, rate-limit, timeout and cache layers, the Batch API client
 * and its JSONL codec, structured output (a judge asked for JSON, falling back to text where refused), and provider
 * errors turned into failures a user can act on. Clients are safe to call from many threads at once.
 */
package io.arbiter.core.llm;
