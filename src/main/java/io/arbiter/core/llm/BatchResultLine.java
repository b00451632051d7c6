package io.arbiter.core.llm;

/**
 * One answer read from a batch output or error file.
 *
 * @param customId the request's id; null when the line was too broken to tell
 * @param text     the reply; null when the request failed
 * @param error    why it failed, in plain words; null when it did not
 * @param lineNumber 1-based line in the file it came from, for messages
 */
public record BatchResultLine(String customId, String text, Usage usage, String error, long lineNumber) {

    public boolean answered() {
        return error == null && text != null;
    }
}
