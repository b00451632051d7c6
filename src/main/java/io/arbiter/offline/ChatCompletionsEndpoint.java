package io.arbiter.offline;

/** {@code POST /v1/chat/completions}: answers with the demo classifier as a non-streaming chat.completion. */
final class ChatCompletionsEndpoint implements Endpoint {

    private final DemoChat chat;
    private final ServerCounters counters;

    ChatCompletionsEndpoint(DemoChat chat, ServerCounters counters) {
        this.chat = chat;
        this.counters = counters;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        counters.chatAttempt();
        var completion = chat.complete(DemoChat.parse(request.body()));
        ApiResponse response = ApiResponse.ok(completion);
        counters.chatAnswered(completion.get("id").asText());
        return response;
    }
}
