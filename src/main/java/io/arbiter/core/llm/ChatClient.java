package io.arbiter.core.llm;

import java.util.List;

/** Sends chat completions to one provider. Implementations are safe to call from many threads at once. */
public interface ChatClient extends AutoCloseable {

    ChatReply complete(ChatRequest request) throws ChatFailure;

    /**
     * The same, waiting at most {@code timeout} for the answer, e.g. what is left of a row's time budget; clients
     * that cannot shorten one request fall back to their own timeout.
     */
    default ChatReply complete(ChatRequest request, java.time.Duration timeout) throws ChatFailure {
        return complete(request);
    }

    /** The model ids the provider lists. */
    List<String> models() throws ChatFailure;

    @Override
    void close();
}
