package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talks to the server only through openai-java, as the app does. */
class OfflineServerSdkTest {

    private static final String SYNOPSIS =
            "A sheriff and a young outlaw ride across the frontier to stop cattle rustlers.";

    private OfflineServer server;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        server = OfflineServer.start(0);
        client = clientWithKey("test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void listsEveryDemoModel() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertEquals(DemoModels.ALL, ids);
        Model first = client.models().list().data().get(0);
        assertEquals(DemoModels.OWNER, first.ownedBy());
        assertEquals(DemoModels.CREATED_EPOCH_SECONDS, first.created());
    }

    @Test
    void baseModelAnswersWithAnAllowedLabelAndReportsUsage() {
        ChatCompletion completion = client.chat().completions().create(baseRequest(DemoModels.BASE, SYNOPSIS));
        String content = completion.choices().get(0).message().content().orElseThrow();
        assertTrue(GenreLexicon.IMDB_GENRES.stream().anyMatch(content::contains), content);
        assertTrue(completion.id().startsWith("chatcmpl-"));
        assertEquals(DemoModels.BASE, completion.model());
        CompletionUsage usage = completion.usage().orElseThrow();
        assertTrue(usage.promptTokens() > 20, "prompt tokens " + usage.promptTokens());
        assertTrue(usage.completionTokens() >= 1);
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());
        assertEquals(1, server.chatRequests());
    }

    @Test
    void sameRequestTwiceGetsIdenticalContent() {
        ChatCompletionCreateParams request = baseRequest(DemoModels.JUDGE, SYNOPSIS);
        ChatCompletion first = client.chat().completions().create(request);
        ChatCompletion second = client.chat().completions().create(request);
        assertEquals(
                first.choices().get(0).message().content(),
                second.choices().get(0).message().content());
        assertEquals(first.id(), second.id());
    }

    @Test
    @SuppressWarnings("deprecation") // the SDK deprecates seed, but clients still send it: the server accepts it
    void acceptsContentPartArraysAndIgnoresSamplingParameters() {
        ChatCompletionCreateParams request = ChatCompletionCreateParams.builder()
                .model(DemoModels.JUDGE)
                .addSystemMessage(DemoPrompts.BASE_SYSTEM)
                .addUserMessageOfArrayOfContentParts(
                        List.of(ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
                                .text(DemoPrompts.baseUser(SYNOPSIS))
                                .build())))
                .temperature(0.7)
                .maxCompletionTokens(5)
                .seed(42)
                .build();
        String content = client.chat()
                .completions()
                .create(request)
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();
        String plain = client.chat()
                .completions()
                .create(baseRequest(DemoModels.JUDGE, SYNOPSIS))
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();
        assertEquals(plain, content);
    }

    @Test
    void judgePromptGetsAVerdictWhicheverModelIsCalled() {
        ChatCompletionCreateParams request = ChatCompletionCreateParams.builder()
                .model(DemoModels.BASE)
                .addSystemMessage(DemoPrompts.JUDGE_SYSTEM)
                .addUserMessage(DemoPrompts.judgeUser(SYNOPSIS, "Western"))
                .build();
        String content = client.chat()
                .completions()
                .create(request)
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();
        assertTrue(content.matches("(?i).*western, ?correct"), content);
    }

    @Test
    void unknownModelIsNotFound() {
        NotFoundException e = assertThrows(
                NotFoundException.class,
                () -> client.chat().completions().create(baseRequest("gpt-nonexistent", SYNOPSIS)));
        assertEquals("model_not_found", e.code().orElseThrow());
    }

    @Test
    void requiredKeyRejectsOtherKeys() {
        try (OfflineServer guarded = OfflineServer.start(0, "sesame")) {
            OpenAIClient wrong = clientFor(guarded, "wrong");
            OpenAIClient right = clientFor(guarded, "sesame");
            try {
                UnauthorizedException e = assertThrows(
                        UnauthorizedException.class, () -> wrong.models().list());
                assertEquals("invalid_api_key", e.code().orElseThrow());
                assertEquals(DemoModels.ALL.size(), right.models().list().data().size());
            } finally {
                wrong.close();
                right.close();
            }
        }
    }

    static ChatCompletionCreateParams baseRequest(String model, String synopsis) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addSystemMessage(DemoPrompts.BASE_SYSTEM)
                .addUserMessage(DemoPrompts.baseUser(synopsis))
                .build();
    }

    private OpenAIClient clientWithKey(String key) {
        return clientFor(server, key);
    }

    static OpenAIClient clientFor(OfflineServer server, String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl().toString())
                .apiKey(key)
                .maxRetries(0)
                .build();
    }
}
