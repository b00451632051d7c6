package io.arbiter.core.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one chat completion through the SDK's whole request path, on one thread, before a run's workers use it —
 * to a client whose HTTP layer answers from memory, so nothing leaves the machine. The first request the SDK makes
 * builds Jackson (de)serializers (the structured-output {@code response_format} among them) and Kotlin reflection
 * data behind a global lock (the SDK looks the model up by reflection on every request); when 256 workers all make
 * that first call at once they queue on that lock and the first answer came 1.7 s into a run that ideally takes
 * 3.1 s (docs/PERFORMANCE.md, issue 16). The caches it fills are the JVM's and the SDK's shared JSON mapper's, the
 * ones every real client uses.
 */
final class SdkWarmUp {

    // A reply shaped like OpenAI's and the offline server's, so every field type the SDK reads is met once.
    private static final String REPLY =
            """
            {"id":"chatcmpl-warm-up","object":"chat.completion","created":1735689600,"model":"warm-up",
             "choices":[{"index":0,"message":{"role":"assistant",
                         "content":"{\\"reasoning\\":\\"warm\\",\\"prediction\\":\\"warm\\",\\"evaluation\\":\\"Correct\\"}",
                         "refusal":null},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},"system_fingerprint":null}""";

    // A judge's schema, so the response_format serializers are built here rather than by every worker at once.
    private static final OutputSchema SCHEMA = new OutputSchema(
            "warm_up",
            """
            {"type": "object",
             "properties": {"reasoning": {"type": "string"}, "evaluation": {"type": "string", "enum": ["Correct"]}},
             "required": ["reasoning", "evaluation"], "additionalProperties": false}
            """);

    private static final boolean DONE = warmUp();

    private SdkWarmUp() {}

    /** Warms the request path the first time it is called in this JVM; later calls return at once. */
    static boolean ensure() {
        return DONE;
    }

    /** True when the reply read back is the one given; false leaves the first real call to do the work. */
    private static boolean warmUp() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("warm-up")
                .temperature(0.0)
                .maxCompletionTokens(1)
                .addSystemMessage("warm")
                .addUserMessage("warm")
                .responseFormat(OpenAiChatClient.responseFormat(SCHEMA))
                .putAdditionalBodyProperty("seed", JsonValue.from(1))
                .build();
        OpenAIClient client = new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(new AnswerFromMemory())
                .baseUrl("http://warm-up.invalid/v1")
                .apiKey("warm-up")
                .maxRetries(0)
                .build());
        try (HttpResponseFor<ChatCompletion> response =
                client.chat().completions().withRawResponse().create(params)) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
            return ChatReplyReader.read(body, 1, "warm-up").content().contains("Correct");
        } catch (IOException | ChatFailure | RuntimeException e) {
            return false; // only a speed-up: a run works the same without it
        } finally {
            client.close();
        }
    }

    /** The warm-up's HTTP layer: writes the request body as a real one would be, answers {@link #REPLY}. */
    private static final class AnswerFromMemory implements HttpClient {

        @Override
        public HttpResponse execute(HttpRequest request, RequestOptions options) {
            HttpRequestBody body = request.body();
            if (body != null) {
                body.writeTo(new ByteArrayOutputStream()); // serializing the body is half of what is warmed
            }
            byte[] reply = REPLY.getBytes(StandardCharsets.UTF_8);
            return new HttpResponse() {
                @Override
                public int statusCode() {
                    return 200;
                }

                @Override
                public Headers headers() {
                    return Headers.builder()
                            .put("Content-Type", "application/json")
                            .build();
                }

                @Override
                public InputStream body() {
                    return new ByteArrayInputStream(reply);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
            try {
                return CompletableFuture.completedFuture(execute(request, options));
            } catch (UncheckedIOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void close() {}
    }
}
