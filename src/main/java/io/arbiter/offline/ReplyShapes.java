package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.offline.FaultPlan.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reshapes a demo completion the ways real providers' 200 replies differ from a plain answer, for the fault plans:
 * a {@code <think>} block or a {@code reasoning_content} field before the answer, a refusal, a cut-off at max
 * tokens, an {@code {"error": …}} object, content as text parts, invalid UTF-8 in the content, or JSON that is no
 * chat completion at all. Every text it adds says "offline fault plan", so a test can tell it from an answer.
 */
final class ReplyShapes {

    /** The kinds this class answers; each is a 200, whole and final, unlike the transport faults. */
    static final Set<Kind> KINDS = EnumSet.of(
            Kind.THINK,
            Kind.REASONING_FIELD,
            Kind.REFUSAL,
            Kind.LENGTH,
            Kind.ERROR_200,
            Kind.ERROR_200_RETRYABLE,
            Kind.PARTS,
            Kind.BAD_UTF8,
            Kind.UNREADABLE_200);

    static final String REASONING =
            "The synopsis could suggest Comedy, or maybe Horror; weighing it up " + "(offline fault plan reasoning).";
    static final String REFUSAL = "I'm sorry, but I can't help with that request (offline fault plan).";
    private static final String BAD_BYTES_MARK = "@@offline-fault-plan-bad-utf8@@";
    /** A lone lead byte, a stray continuation byte and a byte that never occurs in UTF-8. */
    private static final byte[] BAD_BYTES = {(byte) 0xC3, '(', (byte) 0x80, (byte) 0xFF};

    private ReplyShapes() {}

    /** Whether the reshaped reply still carries a completion the provider would have charged for. */
    static boolean charged(Kind kind) {
        return kind != Kind.ERROR_200 && kind != Kind.ERROR_200_RETRYABLE;
    }

    /** The realtime reply: status 200 with the reshaped body, invalid bytes included for {@link Kind#BAD_UTF8}. */
    static ApiResponse response(Kind kind, ObjectNode completion, JsonNode request) {
        if (kind != Kind.BAD_UTF8) {
            return ApiResponse.ok(reshape(kind, completion, request));
        }
        ObjectNode marked = completion.deepCopy();
        message(marked).put("content", content(marked) + "\n" + BAD_BYTES_MARK + " (offline fault plan)");
        byte[] json = ApiResponse.json(200, marked).body();
        return new ApiResponse(200, Map.of(), "application/json", replaceMark(json));
    }

    /**
     * The reshaped body as JSON, for a batch output line; {@link Kind#BAD_UTF8} there becomes U+FFFD characters,
     * since an output file is text.
     */
    static JsonNode reshape(Kind kind, ObjectNode completion, JsonNode request) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = completion.deepCopy();
        ObjectNode message = message(body);
        String content = content(body);
        switch (kind) {
            case THINK -> message.put("content", "<think>\n" + REASONING + "\n</think>\n\n" + content);
            case REASONING_FIELD -> message.put("reasoning_content", REASONING);
            case REFUSAL -> {
                message.putNull("content");
                message.put("refusal", REFUSAL);
            }
            case LENGTH -> {
                message.put("content", content.substring(0, content.length() / 2));
                ((ObjectNode) body.get("choices").get(0)).put("finish_reason", "length");
                int limit = request.path("max_completion_tokens")
                        .asInt(request.path("max_tokens").asInt(0));
                if (limit > 0) {
                    ObjectNode usage = (ObjectNode) body.get("usage");
                    usage.put("completion_tokens", limit);
                    usage.put("total_tokens", usage.path("prompt_tokens").asLong() + limit);
                }
            }
            case ERROR_200 -> {
                return error(
                        "This input was flagged by the provider's content filter (offline fault plan).",
                        "invalid_request_error",
                        f.textNode("content_filter"));
            }
            case ERROR_200_RETRYABLE -> {
                return error(
                        "The upstream provider is overloaded, try again (offline fault plan).",
                        "server_error",
                        f.numberNode(502));
            }
            case PARTS -> {
                int half = content.length() / 2;
                var parts = message.putArray("content");
                parts.addObject().put("type", "text").put("text", content.substring(0, half));
                parts.addObject().put("type", "text").put("text", content.substring(half));
            }
            case BAD_UTF8 -> message.put("content", content + "\n\uFFFD(\uFFFD\uFFFD (offline fault plan)");
            case UNREADABLE_200 -> {
                ObjectNode other = f.objectNode();
                other.put("object", "gateway.notice");
                other.put("message", "Your request was received (offline fault plan).");
                other.putArray("data");
                return other;
            }
            default -> throw new IllegalArgumentException(kind.key() + " does not shape a reply");
        }
        return body;
    }

    private static ObjectNode error(String message, String type, JsonNode code) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.set("code", code);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return body;
    }

    private static ObjectNode message(ObjectNode completion) {
        return (ObjectNode) completion.get("choices").get(0).get("message");
    }

    private static String content(ObjectNode completion) {
        return message(completion).path("content").asText("");
    }

    private static byte[] replaceMark(byte[] json) {
        byte[] mark = BAD_BYTES_MARK.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= json.length - mark.length; i++) {
            if (Arrays.equals(json, i, i + mark.length, mark, 0, mark.length)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
                out.write(json, 0, i);
                out.writeBytes(BAD_BYTES);
                out.write(json, i + mark.length, json.length - i - mark.length);
                return out.toByteArray();
            }
        }
        throw new IllegalStateException("The bad-utf8 mark was not in the body");
    }
}
