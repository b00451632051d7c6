package io.arbiter.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * Runs the SDK's JSON codec once, on one thread, before a run's workers use it. The first chat completion the SDK
 * writes and reads builds Jackson (de)serializers and Kotlin reflection data; when 256 workers all make that first
 * call at once they each build it, which cost a fresh JVM about 8 s of CPU at concurrency 256 (docs/PERFORMANCE.md,
 * issue 4). Done here it takes well under a second and sends nothing: it only encodes and decodes local text.
 */
final class SdkWarmUp {

    // A reply shaped like OpenAI's and the offline server's, so every field type the SDK reads is met once.
    private static final String REPLY =
            """
            {"id":"chatcmpl-warm-up","object":"chat.completion","created":1735689600,"model":"warm-up",
             "choices":[{"index":0,"message":{"role":"assistant","content":"warm","refusal":null},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},"system_fingerprint":null}""";

    private static final boolean DONE = warmUp();

    private SdkWarmUp() {}

    /** Warms the codec the first time it is called in this JVM; later calls return at once. */
    static boolean ensure() {
        return DONE;
    }

    /** True when the codec read back what it was given; false leaves the first real call to do the work. */
    private static boolean warmUp() {
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model("warm-up")
                    .temperature(0.0)
                    .maxCompletionTokens(1)
                    .addSystemMessage("warm")
                    .addUserMessage("warm")
                    .build();
            ObjectMappers.jsonMapper().writeValueAsBytes(params._body());
            ChatCompletion reply = ObjectMappers.jsonMapper().readValue(REPLY, ChatCompletion.class);
            reply.validate();
            return reply.choices().get(0).message().content().orElse("").equals("warm")
                    && reply.usage().map(u -> u.totalTokens() == 2).orElse(false);
        } catch (JsonProcessingException | RuntimeException e) {
            return false; // only a speed-up: a run works the same without it
        }
    }
}
