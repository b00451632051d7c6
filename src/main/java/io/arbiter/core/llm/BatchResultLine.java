package io.arbiter.core.llm;

/**
 * One answer read from a batch output or error file.
 *
 * @param customId the request's id; null when the line was too broken to tell
 * @param text     the reply, without any reasoning before it; null when the request failed
 * @param error    why it failed, in plain words; null when it did not
 * @param lineNumber 1-based line in the file it came from, for messages
 * @param reasoning what the model reasoned before answering; null when none
 * @param rawBody  the response body as received when it came back whole but could not be used; null otherwise
 */
public record BatchResultLine(
        String customId, String text, Usage usage, String error, long lineNumber, String reasoning, String rawBody) {

    public BatchResultLine(String customId, String text, Usage usage, String error, long lineNumber) {
        this(customId, text, usage, error, lineNumber, null, null);
    }

    public boolean answered() {
        return error == null && text != null;
    }
}
