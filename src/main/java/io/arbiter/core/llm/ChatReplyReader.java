package io.arbiter.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a chat completion body the way providers really send it, for realtime replies and batch output lines
 * alike, so both agree: the answer apart from any reasoning before it ({@link ReasoningSplit}, or a
 * {@code reasoning_content} / {@code reasoning} field), content given as an array of text parts joined, invalid
 * UTF-8 decoded with replacement characters and kept. What cannot be used becomes a {@link ChatFailure} that says
 * why: a refusal, a cut-off at max tokens, an {@code {"error": …}} object (retried only when its code says so), or a
 * complete body that is no chat completion, kept raw for the row detail. Only a body cut off in transit is
 * retryable: sending again cannot change a reply that arrived whole.
 */
public final class ChatReplyReader {

    /** How much of a body that could not be read is kept for the row detail. */
    public static final int RAW_LIMIT = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RETRYABLE_ERRORS = Set.of(
            "server_error",
            "rate_limit",
            "rate_limit_error",
            "rate_limit_exceeded",
            "overloaded",
            "overloaded_error",
            "service_unavailable",
            "timeout",
            "internal_error",
            "api_error",
            "bad_gateway",
            "gateway_timeout");

    private ChatReplyReader() {}

    /**
     * Reads the bytes of a 200 reply.
     *
     * @param maxTokens the request's limit, named in a cut-off's message
     * @param keyInUse  redacted from anything kept or shown; null when none
     */
    public static ChatReply read(byte[] body, int maxTokens, String keyInUse) throws ChatFailure {
        String text = decode(body);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (endsEarly(e, text)) {
                throw ChatFailure.transientIo(
                        "The reply was cut off: its JSON ends early (" + e.getOriginalMessage() + ")", e);
            }
            throw unreadable("it is not JSON (" + e.getOriginalMessage() + ")", text, Usage.NONE, keyInUse);
        }
        if (node == null || node.isMissingNode()) {
            throw ChatFailure.transientIo("The reply had an empty body", null);
        }
        return read(node, maxTokens, keyInUse, () -> text);
    }

    /**
     * Reads a parsed body, e.g. a batch output line's {@code response.body}.
     *
     * @param maxTokens the request's limit; 0 when unknown, and the reported completion tokens are named instead
     * @param raw       the body as received, for a reply that cannot be used
     */
    public static ChatReply read(JsonNode body, int maxTokens, String keyInUse, Supplier<String> raw)
            throws ChatFailure {
        if (!body.isObject()) {
            throw unreadable("it is not a JSON object", raw.get(), Usage.NONE, keyInUse);
        }
        JsonNode error = body.get("error");
        if (error != null && !error.isNull()) {
            throw providerError(error, raw.get(), keyInUse);
        }
        Usage usage = usage(body);
        JsonNode choices = body.get("choices");
        if (choices == null || !choices.isArray()) {
            throw unreadable("it has no \"choices\"", raw.get(), usage, keyInUse);
        }
        if (choices.isEmpty()) {
            throw ChatFailure.unusableReply("The provider answered with no choices.", keep(raw.get(), keyInUse), usage);
        }
        JsonNode message = choices.get(0).get("message");
        if (message == null || !message.isObject()) {
            throw unreadable("its first choice has no \"message\"", raw.get(), usage, keyInUse);
        }
        String refusal = text(message.get("refusal"));
        if (refusal != null && !refusal.isBlank()) {
            throw ChatFailure.unusableReply(
                    Redaction.redact("refused: " + refusal.strip(), keyInUse), keep(raw.get(), keyInUse), usage);
        }
        StringBuilder partsReasoning = new StringBuilder();
        String content = content(message.get("content"), partsReasoning);
        if (content == null) {
            throw unreadable("its message content is neither text nor text parts", raw.get(), usage, keyInUse);
        }
        ReasoningSplit split = ReasoningSplit.of(content)
                .withReasoningBefore(partsReasoning.toString())
                .withReasoningBefore(text(message.get("reasoning")))
                .withReasoningBefore(text(message.get("reasoning_content")));
        String finish = text(choices.get(0).get("finish_reason"));
        if ("length".equals(finish)) {
            long limit = maxTokens > 0 ? maxTokens : usage.completionTokens();
            throw ChatFailure.unusableReply(cutOff(limit), keep(raw.get(), keyInUse), usage);
        }
        if (split.unclosed()) {
            throw ChatFailure.unusableReply(
                    "The reply is all reasoning: its <think> block never closed, so there is " + "no answer after it.",
                    keep(raw.get(), keyInUse),
                    usage);
        }
        return new ChatReply(split.answer(), usage, false, split.reasoning());
    }

    /**
     * Whether JSON failed because the text stopped, not because it is something else: Jackson says "end-of-input"
     * for most cuts, but a cut inside {@code true} or {@code 12.5} fails on the last character as a bad token.
     */
    private static boolean endsEarly(JsonProcessingException e, String text) {
        if (e instanceof JsonEOFException
                || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
            return true;
        }
        long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        return at >= 0 && at >= text.stripTrailing().length() - 1;
    }

    /** The message for a reply stopped by the token limit; {@code limit} 0 when unknown. */
    public static String cutOff(long limit) {
        return "cut off at max tokens" + (limit > 0 ? " (" + limit + ")" : "") + "; raise Max tokens";
    }

    /** UTF-8 with every malformed or unmappable sequence replaced by U+FFFD, never an exception. */
    static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("A replacing decoder does not throw", e);
        }
    }

    /** Text, or text parts joined (reasoning parts go to {@code reasoning}); null content is ""; null if neither. */
    private static String content(JsonNode content, StringBuilder reasoning) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode part : content) {
            if (part.isTextual()) {
                joined.append(part.asText());
                continue;
            }
            String type = text(part.get("type"));
            String thinking =
                    text(part.get("thinking")) != null ? text(part.get("thinking")) : text(part.get("reasoning"));
            if (thinking != null || "thinking".equals(type) || "reasoning".equals(type)) {
                String said = thinking != null ? thinking : text(part.get("text"));
                if (said != null) {
                    reasoning.append(reasoning.isEmpty() ? "" : "\n\n").append(said);
                }
            } else if (text(part.get("text")) != null) {
                joined.append(text(part.get("text")));
            } else if (!"refusal".equals(type)) {
                return null;
            }
        }
        return joined.toString();
    }

    private static ChatFailure providerError(JsonNode error, String raw, String keyInUse) {
        String message = error.isTextual() ? error.asText() : text(error.get("message"));
        String code = error.isObject() ? text(error.get("code")) : null;
        String type = error.isObject() ? text(error.get("type")) : null;
        int status = code != null && code.matches("\\d{3}") ? Integer.parseInt(code) : 0;
        String said = message == null || message.isBlank() ? error.toString() : message.strip();
        String named = code != null ? " (" + code + ")" : type != null ? " (" + type + ")" : "";
        boolean quota = "insufficient_quota".equals(code) || "insufficient_quota".equals(type);
        boolean retryable = !quota
                && (ChatFailure.isRetryableStatus(status)
                        || RETRYABLE_ERRORS.contains(lower(code))
                        || RETRYABLE_ERRORS.contains(lower(type)));
        String text = Redaction.redact("The provider answered with an error" + named + ": " + said, keyInUse);
        // No HTTP status: the retry layer goes by the retryable flag (a 200 is not itself worth retrying).
        return new ChatFailure(text, quota, null, retryable, 0, code != null ? code : type, null)
                .withRawBody(keep(raw, keyInUse));
    }

    private static ChatFailure unreadable(String why, String raw, Usage usage, String keyInUse) {
        return ChatFailure.unusableReply(
                "The provider's reply could not be read as a chat completion: " + why
                        + "; the reply as received is kept in the row detail.",
                keep(raw, keyInUse),
                usage);
    }

    /** The body capped at {@link #RAW_LIMIT} characters and redacted; said when cut. */
    static String keep(String raw, String keyInUse) {
        if (raw == null) {
            return null;
        }
        String capped = raw.length() <= RAW_LIMIT
                ? raw
                : raw.substring(0, RAW_LIMIT) + "\n… (" + (raw.length() - RAW_LIMIT) + " more characters not kept)";
        return Redaction.redact(capped, keyInUse);
    }

    private static Usage usage(JsonNode body) {
        JsonNode usage = body.get("usage");
        if (usage == null || !usage.isObject()) {
            return Usage.NONE;
        }
        return new Usage(
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
