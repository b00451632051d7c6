package io.arbiter.core.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ChatClient} over the official openai-java SDK: the one path to every provider, the offline one included.
 * The SDK sends the request, retries what it may and turns error statuses into its exceptions; a 200's body is read
 * here, as bytes, by {@link ChatReplyReader}, because providers' replies are not always what the SDK's model expects
 * (reasoning blocks, refusals, content parts, an error object, invalid UTF-8) and a reply that arrived whole must be
 * read once, not retried as if it had been lost.
 */
public final class OpenAiChatClient implements ChatClient {

    private final OpenAIClient client;
    private final String baseUrl;
    private final Duration requestTimeout;
    /** Redacted from every message and kept body: some providers echo the key they were sent. */
    private final String apiKey;
    /** Each schema as the SDK sends it, made once: a run sends the same one with every judge request. */
    private final Map<OutputSchema, ResponseFormatJsonSchema> formats = new ConcurrentHashMap<>();

    /** The SDK's own retries stay on (2), for callers that use this client bare. */
    public OpenAiChatClient(ProviderProfile profile) throws ChatFailure {
        this(profile, 2);
    }

    /** The client for a {@link RetryingChatClient} to wrap: the SDK's own retries off, so only one layer retries. */
    public static OpenAiChatClient withoutSdkRetries(ProviderProfile profile) throws ChatFailure {
        return new OpenAiChatClient(profile, 0);
    }

    /**
     * @param sdkRetries 0 under a {@link RetryingChatClient}, so the two layers do not multiply each other's retries
     */
    OpenAiChatClient(ProviderProfile profile, int sdkRetries) throws ChatFailure {
        this(profile, ApiKeys.resolve(profile), sdkRetries);
    }

    /** A client with a key already resolved, e.g. through the keys "Test connection" was given. */
    OpenAiChatClient(ProviderProfile profile, String apiKey, int sdkRetries) {
        SdkWarmUp.ensure();
        this.baseUrl = profile.baseUrl();
        this.requestTimeout = profile.timeouts().request();
        this.apiKey = apiKey;
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(profile.baseUrl())
                .apiKey(apiKey)
                .maxRetries(sdkRetries)
                // OkHttp keeps 5 idle connections by default: at concurrency 256 the other 251 would be closed
                // after each reply and opened again for the next request.
                .maxIdleConnections(profile.concurrency())
                .keepAliveDuration(Duration.ofMinutes(5)) // OkHttp's own default; the SDK wants both or neither
                .timeout(timeout(requestTimeout))
                .build();
    }

    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        return complete(request, requestTimeout);
    }

    /** One request that gives up after {@code timeout} (at most the profile's request timeout) with no answer. */
    @Override
    public ChatReply complete(ChatRequest request, Duration timeout) throws ChatFailure {
        Duration limit = timeout.compareTo(requestTimeout) < 0 ? timeout : requestTimeout;
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(request.model())
                .temperature(request.temperature())
                .maxCompletionTokens(request.maxTokens());
        if (request.system() != null && !request.system().isBlank()) {
            params.addSystemMessage(request.system());
        }
        params.addUserMessage(request.user());
        if (request.outputSchema() != null) {
            params.responseFormat(formats.computeIfAbsent(request.outputSchema(), OpenAiChatClient::responseFormat));
        }
        if (request.seed() != null) {
            // Sent as a body field: OpenAI marks its typed setter deprecated, while Ollama, vLLM, Groq and others
            // still take the seed, and OpenAI accepts it.
            params.putAdditionalBodyProperty("seed", JsonValue.from(request.seed()));
        }
        byte[] body;
        try (HttpResponseFor<ChatCompletion> response = client.chat()
                .completions()
                .withRawResponse()
                .create(
                        params.build(),
                        RequestOptions.builder().timeout(timeout(limit)).build())) {
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                response.parse(); // the SDK turns an error status into its exception, explained below
                throw ChatFailure.http("The provider answered " + status + ".", status, null, null, false, null);
            }
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            }
        } catch (java.io.InterruptedIOException e) {
            throw ProviderErrors.timedOut(baseUrl, limit, e); // the body stopped coming within the limit
        } catch (IOException e) {
            throw ChatFailure.transientIo(
                            "Network error talking to " + baseUrl + " while reading the reply: "
                                    + ProviderErrors.rootMessage(e),
                            e)
                    .redacted(apiKey);
        } catch (RuntimeException e) {
            throw ProviderErrors.explain(e, baseUrl, request.model(), Instant.now(), apiKey, limit);
        }
        try {
            return ChatReplyReader.read(body, request.maxTokens(), apiKey);
        } catch (ChatFailure failure) {
            throw failure.redacted(apiKey);
        }
    }

    /** The request's schema as the SDK sends it: the same JSON a batch line carries ({@link OutputSchema}). */
    static ResponseFormatJsonSchema responseFormat(OutputSchema schema) {
        ResponseFormatJsonSchema.JsonSchema.Schema.Builder body = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
        schema.schema()
                .properties()
                .forEach(field -> body.putAdditionalProperty(field.getKey(), JsonValue.fromJsonNode(field.getValue())));
        return ResponseFormatJsonSchema.builder()
                .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name(schema.name())
                        .strict(true)
                        .schema(body.build())
                        .build())
                .build();
    }

    /**
     * The whole call, reading the reply included: a server that accepts and stays silent is given up on in time. No
     * timeout of each read and write besides (zero turns them off; the SDK would give them the call's): okio keeps
     * every pending timeout in one list, walked under one lock to insert each, and with a read and a write timeout per
     * socket operation that walk was 6% of a worker's CPU at concurrency 256 (docs/PERFORMANCE.md).
     */
    private static Timeout timeout(Duration limit) {
        return Timeout.builder()
                .request(limit)
                .read(Duration.ZERO)
                .write(Duration.ZERO)
                .build();
    }

    @Override
    public List<String> models() throws ChatFailure {
        try {
            List<String> ids = new ArrayList<>();
            for (Model model : client.models().list().data()) {
                ids.add(model.id());
            }
            return ids;
        } catch (RuntimeException e) {
            throw explain(e, null);
        }
    }

    private ChatFailure explain(RuntimeException e, String model) {
        return ProviderErrors.explain(e, baseUrl, model, Instant.now(), apiKey);
    }

    @Override
    public void close() {
        client.close();
    }
}
