package io.arbiter.core.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link ChatClient} over the official openai-java SDK: the one path to every provider, the offline one included. */
public final class OpenAiChatClient implements ChatClient {

    private final OpenAIClient client;
    private final String baseUrl;

    public OpenAiChatClient(ProviderProfile profile) throws ChatFailure {
        this.baseUrl = profile.baseUrl();
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(profile.baseUrl())
                .apiKey(ApiKeys.resolve(profile))
                .maxRetries(2)
                .timeout(Duration.ofSeconds(120))
                .build();
    }

    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(request.model())
                .temperature(request.temperature())
                .maxCompletionTokens(request.maxTokens());
        if (request.system() != null && !request.system().isBlank()) {
            params.addSystemMessage(request.system());
        }
        params.addUserMessage(request.user());
        try {
            ChatCompletion completion = client.chat().completions().create(params.build());
            if (completion.choices().isEmpty()) {
                throw new ChatFailure("The provider answered with no choices.", false, null);
            }
            String content = completion.choices().get(0).message().content().orElse("");
            Usage usage = completion.usage()
                    .map(u -> new Usage(u.promptTokens(), u.completionTokens()))
                    .orElse(Usage.NONE);
            return new ChatReply(content, usage);
        } catch (RuntimeException e) {
            throw explain(e, request.model());
        }
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

    /** Turns the SDK's exceptions into sentences a user can act on. */
    private ChatFailure explain(RuntimeException e, String model) {
        if (e instanceof UnauthorizedException) {
            return new ChatFailure("The provider at " + baseUrl + " refused the API key (401).", true, e);
        }
        if (e instanceof PermissionDeniedException) {
            return new ChatFailure("The API key has no access to this (403): " + serviceMessage(e), true, e);
        }
        if (e instanceof NotFoundException) {
            String what = model == null ? "that endpoint" : "the model '" + model + "'";
            return new ChatFailure("The provider at " + baseUrl + " does not know " + what + " (404).", true, e);
        }
        if (e instanceof RateLimitException && serviceMessage(e).contains("quota")) {
            return new ChatFailure("The provider's quota is used up (429): " + serviceMessage(e), true, e);
        }
        if (e instanceof OpenAIServiceException service) {
            return new ChatFailure("The provider answered " + service.statusCode() + ": " + serviceMessage(e), false, e);
        }
        if (e instanceof OpenAIIoException) {
            if (causedBy(e, ConnectException.class)) {
                return new ChatFailure("Nothing answers at " + baseUrl + " (connection refused).", true, e);
            }
            return new ChatFailure("Network error talking to " + baseUrl + ": " + rootMessage(e), false, e);
        }
        return new ChatFailure("Unexpected reply from " + baseUrl + ": " + rootMessage(e), false, e);
    }

    private static String serviceMessage(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
