package io.arbiter.offline;

import java.util.concurrent.atomic.AtomicLong;

/** {@code POST /v1/chat/completions}: answers with the demo classifier as a non-streaming chat.completion. */
final class ChatCompletionsEndpoint implements Endpoint {

    private final DemoChat chat;
    private final AtomicLong served;

    ChatCompletionsEndpoint(DemoChat chat, AtomicLong served) {
        this.chat = chat;
        this.served = served;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ApiResponse response = ApiResponse.ok(chat.complete(DemoChat.parse(request.body())));
        served.incrementAndGet();
        return response;
    }
}
