package io.arbiter.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns one chat request body into a {@code chat.completion} from the demo classifier; the realtime endpoint and
 * the batch runner both answer through {@link #complete}, so a row gets the same answer whichever way it is sent.
 */
final class DemoChat {

    private final Clock clock;

    DemoChat(Clock clock) {
        this.clock = clock;
    }

    /** Parses a request body as the realtime endpoint receives it. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = ApiResponse.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("The request body must be a JSON object.", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(
                    "We could not parse the JSON body of your request: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw ApiError.badRequest("We could not read the body of your request.", null);
        }
    }

    /** Answers a parsed chat request; throws {@link ApiError} for what OpenAI would reject. */
    ObjectNode complete(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("The request body must be a JSON object.", null);
        }
        JsonNode modelNode = body.get("model");
        if (modelNode == null || !modelNode.isTextual() || modelNode.asText().isBlank()) {
            throw ApiError.badRequest("You must provide a model parameter.", "model");
        }
        String model = modelNode.asText();
        ChatPrompt prompt = ChatPrompt.fromMessages(body.get("messages"));
        if (!DemoModels.isKnown(model)) {
            throw ApiError.modelNotFound(model);
        }
        String reply =
                DemoClassifier.forModel(model).reply(prompt.system(), prompt.user(), StructuredReply.constrained(body));
        // A moved score stays on the scale the prompt names.
        Optional<ScoringPrompt> scale = ScoringPrompt.read(prompt.system(), prompt.user());
        String sampled = DemoSampling.vary(
                reply,
                body,
                prompt.all(),
                scale.map(ScoringPrompt::low).orElse(0),
                scale.map(ScoringPrompt::high).orElse(Integer.MAX_VALUE));
        String content = StructuredReply.shape(body, sampled);
        return completion(model, prompt, content);
    }

    private ObjectNode completion(String model, ChatPrompt prompt, String content) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("id", "chatcmpl-" + digest(model + "\u0000" + prompt.all()));
        root.put("object", "chat.completion");
        root.put("created", clock.instant().getEpochSecond());
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        long promptTokens = TokenEstimate.of(prompt.all());
        long completionTokens = Math.max(1, TokenEstimate.of(content));
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        root.putNull("system_fingerprint");
        return root;
    }

    /** A short hex digest, used for stable ids (completion ids, fault decisions). */
    static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 15);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
