package io.arbiter.core.run;

import io.arbiter.core.llm.ChatClient;
import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ChatRequest;
import io.arbiter.core.llm.Usage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A provider that answers by a script, one token each way, and keeps every request it was sent. */
final class ScriptedClient implements ChatClient {

    private final Function<ChatRequest, String> script;
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedClient(Function<ChatRequest, String> script) {
        this.script = script;
    }

    @Override
    public ChatReply complete(ChatRequest request) {
        requests.add(request);
        return new ChatReply(script.apply(request), new Usage(1, 1));
    }

    @Override
    public List<String> models() {
        return List.of("base", "base-b", "judge");
    }

    @Override
    public void close() {}
}
