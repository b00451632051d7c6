package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structured output setting and what a request with a schema becomes: its own cache key, a batch line with
 * response_format, a refusal recognised, and the fallback that sends it again as text (or fails it, when on).
 */
class StructuredOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OutputSchema SCHEMA = new OutputSchema(
            "verdict",
            """
            {"type": "object", "properties": {"evaluation": {"type": "string"}},
             "required": ["evaluation"], "additionalProperties": false}
            """);
    private static final ChatRequest PLAIN = new ChatRequest("judge", "Judge it.", "Drama?", 0.0, 64);
    private static final ProviderProfile PROFILE =
            new ProviderProfile("Team vLLM", "http://127.0.0.1:9/v1", null, "base", "judge", 0.0, 64, 1);

    @TempDir
    Path dir;

    @Test
    void theSettingIsSpelledAutoOnOffAndAnythingElseIsRefusedOrReadAsAuto() {
        assertEquals(StructuredOutput.ON, StructuredOutput.parse(" On "));
        assertEquals(StructuredOutput.OFF, StructuredOutput.parse("off"));
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> StructuredOutput.parse("yes"));
        assertTrue(bad.getMessage().contains("auto, on or off"), bad.getMessage());
        assertEquals(StructuredOutput.AUTO, StructuredOutput.readOrAuto(null), "a file from before the setting");
        assertEquals(StructuredOutput.AUTO, StructuredOutput.readOrAuto("sometimes"), "a newer version's value");
        assertEquals(StructuredOutput.AUTO, PROFILE.structuredOutput(), "the default");
    }

    @Test
    void theSchemaIsSentStrictAsJsonSchemaAndABrokenOneFailsWhenMade() {
        JsonNode format = SCHEMA.responseFormat();

        assertEquals("json_schema", format.get("type").asText());
        assertEquals("verdict", format.at("/json_schema/name").asText());
        assertTrue(format.at("/json_schema/strict").asBoolean());
        assertEquals(
                "string",
                format.at("/json_schema/schema/properties/evaluation/type").asText());
        assertThrows(IllegalArgumentException.class, () -> new OutputSchema("verdict", "{\"type\": "));
        assertThrows(IllegalArgumentException.class, () -> new OutputSchema("verdict", "[]"));
        assertThrows(IllegalArgumentException.class, () -> new OutputSchema("a verdict", "{}"));
    }

    @Test
    void aStructuredRequestHasAKeyOfItsOwnAndAPlainOneKeepsItsOldKey() {
        String plain = RequestKey.of("offline", PLAIN);
        String structured = RequestKey.of("offline", PLAIN.withOutputSchema(SCHEMA));
        OutputSchema other = new OutputSchema("score", "{\"type\": \"object\"}");

        assertNotEquals(plain, structured, "a structured reply and a text reply never share a cache entry");
        assertNotEquals(structured, RequestKey.of("offline", PLAIN.withOutputSchema(other)));
        assertEquals(
                plain, RequestKey.of("offline", PLAIN.withOutputSchema(SCHEMA).withoutOutputSchema()));
        assertEquals(
                structured,
                RequestKey.of(
                        "offline",
                        PLAIN.withOutputSchema(
                                new OutputSchema("verdict", SCHEMA.schema().toPrettyString()))),
                "the schema's layout does not matter, its content does");
    }

    @Test
    void aBatchLineCarriesTheResponseFormatOnlyWhenTheRequestDoes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchJsonl.RequestWriter writer = new BatchJsonl.RequestWriter(out)) {
            writer.write(new BatchRequestLine("arb-1-JUDGE-0", PLAIN.withOutputSchema(SCHEMA)));
            writer.write(new BatchRequestLine("arb-1-JUDGE-1", PLAIN));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");

        assertEquals(2, lines.length, "the schema's own line breaks never split a line");
        assertEquals(SCHEMA.responseFormat(), JSON.readTree(lines[0]).at("/body/response_format"));
        assertTrue(JSON.readTree(lines[1]).at("/body/response_format").isMissingNode());
    }

    @Test
    void aRefusalIsA400NamingTheParameterOrSpeakingOfIt() {
        ChatFailure named = ChatFailure.http(
                        "The provider answered 400: Invalid parameter.", 400, null, null, false, null)
                .withParam("response_format");
        ChatFailure worded = ChatFailure.http(
                "The provider answered 400: json_schema is not supported by this model", 400, null, null, false, null);
        ChatFailure otherParameter = ChatFailure.http(
                        "The provider answered 400: 'messages' must be an array", 400, null, null, false, null)
                .withParam("messages");
        ChatFailure serverError = ChatFailure.http(
                "The provider answered 500: response_format handler crashed", 500, null, null, false, null);

        assertTrue(StructuredOutputRefusals.isRefusal(named));
        assertTrue(StructuredOutputRefusals.isRefusal(worded));
        assertFalse(StructuredOutputRefusals.isRefusal(otherParameter));
        assertFalse(StructuredOutputRefusals.isRefusal(serverError));
    }

    @Test
    void autoAsksUntilRefusedOnAlwaysOffNever() {
        StructuredOutputRefusals refusals = new StructuredOutputRefusals();
        ProviderProfile on = PROFILE.withStructuredOutput(StructuredOutput.ON);
        ProviderProfile off = PROFILE.withStructuredOutput(StructuredOutput.OFF);

        assertTrue(refusals.asks(PROFILE));
        assertFalse(refusals.asks(off));
        refusals.remember(PROFILE);
        assertFalse(refusals.asks(PROFILE));
        assertTrue(refusals.asks(on), "on asks even a provider that refused");
        ProviderProfile elsewhere =
                new ProviderProfile("Team vLLM", "http://127.0.0.1:10/v1", null, "base", "judge", 0.0, 64, 1);
        assertTrue(refusals.asks(elsewhere), "another URL is another provider");
    }

    @Test
    void onAutoARefusalIsRememberedAndTheRequestGoesAgainAsText() throws Exception {
        StructuredOutputRefusals refusals = new StructuredOutputRefusals();
        Recorded provider = new Recorded(refusal());
        try (ChatClient client = new StructuredOutputFallback(provider, PROFILE, refusals)) {
            ChatReply reply = client.complete(PLAIN.withOutputSchema(SCHEMA));

            assertEquals("Drama,Correct", reply.content());
        }
        assertEquals(2, provider.calls);
        assertNull(provider.last.outputSchema(), "sent again without the schema");
        assertTrue(refusals.refused(PROFILE));
    }

    @Test
    void onOnARefusalIsTheRowsErrorNamingTheProfileAndTheSetting() {
        StructuredOutputRefusals refusals = new StructuredOutputRefusals();
        ProviderProfile on = PROFILE.withStructuredOutput(StructuredOutput.ON);
        Recorded provider = new Recorded(refusal());
        ChatClient client = new StructuredOutputFallback(provider, on, refusals);

        ChatFailure failure = assertThrows(ChatFailure.class, () -> client.complete(PLAIN.withOutputSchema(SCHEMA)));

        assertTrue(failure.getMessage().contains("'Team vLLM'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Structured output set to On"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Invalid parameter: 'response_format'"), failure.getMessage());
        assertEquals(1, provider.calls, "not sent again");
        assertFalse(refusals.refused(on));
    }

    @Test
    void anyOtherFailurePassesThroughUntouched() {
        ChatFailure overloaded = ChatFailure.http("The provider answered 503: busy", 503, null, null, false, null);
        Recorded provider = new Recorded(overloaded);
        ChatClient client = new StructuredOutputFallback(provider, PROFILE, new StructuredOutputRefusals());

        assertSame(overloaded, assertThrows(ChatFailure.class, () -> client.complete(PLAIN.withOutputSchema(SCHEMA))));
        assertEquals(1, provider.calls);
    }

    @Test
    void aSettingsFileFromBeforeTheSettingReadsAsAutoAndOnIsKept() throws Exception {
        Path file = dir.resolve(ProviderSettingsStore.FILE_NAME);
        Files.writeString(
                file,
                """
                {"version": 1, "providers": [{"name": "Old", "baseUrl": "https://llm.example.org/v1",
                 "baseModel": "b", "judgeModel": "j", "temperature": 0.0, "maxTokens": 64, "concurrency": 4}]}
                """);
        ProviderSettingsStore store = new ProviderSettingsStore(file);

        ProviderSettings old = store.load().providers().get(0);
        assertEquals(StructuredOutput.AUTO, old.structuredOutput());
        assertEquals(StructuredOutput.AUTO, old.profile(old.baseUrl()).structuredOutput());

        ProviderSettings on = new ProviderSettings(
                "Old",
                old.baseUrl(),
                null,
                "b",
                "j",
                0.0,
                64,
                null,
                4,
                0,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                StructuredOutput.ON);
        store.save(java.util.List.of(on));
        assertTrue(Files.readString(file).contains("\"structuredOutput\" : \"on\""), Files.readString(file));
        assertEquals(StructuredOutput.ON, store.load().providers().get(0).structuredOutput());
        assertEquals(
                StructuredOutput.ON,
                store.load().providers().get(0).profile("x").structuredOutput());
    }

    private static ChatFailure refusal() {
        return ChatFailure.http(
                        "The provider answered 400: 400: Invalid parameter: 'response_format' of type 'json_schema' "
                                + "is not supported with this model.",
                        400,
                        null,
                        null,
                        false,
                        null)
                .withParam("response_format");
    }

    /** Refuses a request with a schema with {@code failure}, answers one without; notes the last request. */
    private static final class Recorded implements ChatClient {
        private final ChatFailure failure;
        int calls;
        ChatRequest last;

        Recorded(ChatFailure failure) {
            this.failure = failure;
        }

        @Override
        public ChatReply complete(ChatRequest request) throws ChatFailure {
            calls++;
            last = request;
            if (request.outputSchema() != null || failure.statusCode().orElse(0) != 400) {
                throw failure;
            }
            return new ChatReply("Drama,Correct", new Usage(10, 2));
        }

        @Override
        public java.util.List<String> models() {
            return java.util.List.of();
        }

        @Override
        public void close() {}
    }
}
