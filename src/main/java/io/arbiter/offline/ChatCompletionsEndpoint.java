package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.offline.FaultPlan.Kind;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}: answers with the demo classifier as a non-streaming chat.completion, unless
 * the fault plan picks a fault for this attempt. A reshaped reply ({@link ReplyShapes}) that still carries a
 * completion counts as answered: a provider would have charged for it, so a client that sends it again pays twice.
 */
final class ChatCompletionsEndpoint implements Endpoint {

    private final DemoChat chat;
    private final ServerCounters counters;
    private final FaultInjector faults;

    ChatCompletionsEndpoint(DemoChat chat, ServerCounters counters, FaultInjector faults) {
        this.chat = chat;
        this.counters = counters;
        this.faults = faults;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        counters.chatAttempt(request.body());
        Optional<Kind> fault = faults.decide(request.body());
        fault.ifPresent(counters::fault);
        if (fault.isPresent()) {
            switch (fault.get()) {
                case RATE_LIMIT -> throw ApiError.rateLimited(faults.plan().retryAfterSeconds());
                case INSUFFICIENT_QUOTA -> throw ApiError.insufficientQuota();
                case SERVER_ERROR -> throw ApiError.internal(
                        "The server had an error while processing your request " + "(offline fault plan).");
                case UNAVAILABLE -> throw ApiError.unavailable();
                case RESET -> throw new ConnectionReset();
                case SLOW -> pause(faults.plan().slowDelay());
                case HANG -> throw new NeverAnswer();
                case ECHO_KEY -> throw ApiError.echoingKey(
                        faults.plan().echoKeyStatus(),
                        request.header("Authorization").orElse(null));
                default -> {
                    // MALFORMED and the reply shapes are applied to the answer below.
                }
            }
        }
        JsonNode body = DemoChat.parse(request.body());
        StructuredReply.admit(body, faults.plan().refusesStructuredOutput(), counters);
        ObjectNode completion = chat.complete(body);
        if (fault.isPresent() && ReplyShapes.KINDS.contains(fault.get())) {
            if (ReplyShapes.charged(fault.get())) {
                counters.chatAnswered(completion.get("id").asText());
            }
            return ReplyShapes.response(fault.get(), completion, body);
        }
        ApiResponse response = ApiResponse.ok(completion);
        if (fault.isPresent() && fault.get() == Kind.MALFORMED) {
            byte[] cut = Arrays.copyOf(response.body(), response.body().length / 2);
            return new ApiResponse(200, Map.of(), "application/json", cut);
        }
        counters.chatAnswered(completion.get("id").asText());
        return response;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionReset();
        }
    }
}
