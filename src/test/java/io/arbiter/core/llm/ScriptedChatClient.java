package io.arbiter.core.llm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Answers from a script: each call takes the next reply or failure; counts the calls. */
final class ScriptedChatClient implements ChatClient {

    private final Deque<Object> script = new ArrayDeque<>();
    int calls;

    ScriptedChatClient then(ChatFailure failure) {
        script.add(failure);
        return this;
    }

    ScriptedChatClient then(ChatReply reply) {
        script.add(reply);
        return this;
    }

    @Override
    public synchronized ChatReply complete(ChatRequest request) throws ChatFailure {
        calls++;
        Object next =
                script.isEmpty() ? new ChatReply("default for " + request.user(), new Usage(10, 2)) : script.poll();
        if (next instanceof ChatFailure failure) {
            throw failure;
        }
        return (ChatReply) next;
    }

    @Override
    public List<String> models() {
        return List.of("m");
    }

    @Override
    public void close() {}
}
