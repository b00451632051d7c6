package io.arbiter.core.llm;

import java.util.List;

/** Sends chat completions to one provider. Implementations are safe to call from many threads at once. */
public interface ChatClient extends AutoCloseable {

    ChatReply complete(ChatRequest request) throws ChatFailure;

    /** The model ids the provider lists. */
    List<String> models() throws ChatFailure;

    @Override
    void close();
}
