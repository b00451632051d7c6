package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo model's answer to a request with a {@code response_format}: its text reply turned into the JSON asked for.
 * A {@code json_schema} with a {@code score} gets {@code {"score": N, "reasoning": …}}, N from a final "Score: N" or
 * "[[N]]" in the text (else the middle of the schema's range); one with {@code prediction} and {@code evaluation} gets
 * the "Label,Correct" reply split (an answer that does not split leaves the prediction empty, so it still reads as
 * UNPARSED); one with {@code winner} gets the place a final {@code [[A]]}, {@code [[B]]} or {@code [[C]]} names ("A",
 * "B" or "tie") and the text before it as the reasoning; other properties are filled by type; {@code json_object} gets {@code {"answer": text}}. The fault plan's
 * {@code no-structured} makes the server refuse the parameter as a model without structured outputs does.
 */
final class StructuredReply {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SCORE =
            Pattern.compile("(?i)(?:\\bscore|\\brating)\\W{0,4}?[:=]\\s*(\\d+)|\\[\\[\\s*(\\d+)\\s*]]");
    private static final Pattern PLACE = Pattern.compile("\\[\\[\\s*([ABC])\\s*]]");
    private static final int DEFAULT_LOW = 1;
    private static final int DEFAULT_HIGH = 5;

    private StructuredReply() {}

    /**
     * Counts a request that asks for structured output and, when {@code refuse} (the fault plan's
     * {@code no-structured}), refuses it with OpenAI's 400 for the parameter; a plain request passes untouched.
     */
    static void admit(JsonNode body, boolean refuse, ServerCounters counters) {
        String type = type(body);
        if (type == null || type.equals("text")) {
            return;
        }
        counters.askedStructured();
        if (refuse) {
            counters.fault(FaultPlan.Kind.NO_STRUCTURED);
            throw ApiError.badRequest(
                    "Invalid parameter: 'response_format' of type '" + type
                            + "' is not supported with this model (offline fault plan).",
                    "response_format");
        }
    }

    /** The reply content for a request: {@code text} itself unless the body asks for JSON. */
    /** True when the body asks for a JSON schema, so the answer is held to it. */
    static boolean constrained(JsonNode body) {
        return "json_schema".equals(type(body));
    }

    static String shape(JsonNode body, String text) {
        String type = type(body);
        if (type == null || type.equals("text")) {
            return text;
        }
        return switch (type) {
            case "json_object" -> JSON.objectNode().put("answer", text).toString();
            case "json_schema" -> fromSchema(body.get("response_format"), text).toString();
            default -> throw ApiError.badRequest(
                    "Invalid value: '" + type + "'. Supported values are: 'text', 'json_object', and 'json_schema'.",
                    "response_format.type");
        };
    }

    /** The format's type; null when the body asks for none. */
    private static String type(JsonNode body) {
        JsonNode format = body == null ? null : body.get("response_format");
        if (format == null || format.isNull()) {
            return null;
        }
        if (!format.isObject() || !format.path("type").isTextual()) {
            throw ApiError.badRequest(
                    "Invalid type for 'response_format': expected an object with a 'type'.", "response_format");
        }
        return format.get("type").asText();
    }

    private static ObjectNode fromSchema(JsonNode format, String text) {
        JsonNode properties = format.path("json_schema").path("schema").path("properties");
        if (!properties.isObject()) {
            throw ApiError.badRequest(
                    "Missing required parameter: 'response_format.json_schema.schema' with properties.",
                    "response_format.json_schema");
        }
        String[] verdict = verdict(text);
        Score score = lastScore(text);
        Place place = lastPlace(text);
        String reasoning = properties.has("score")
                ? (score == null ? text : text.substring(0, score.start())).strip()
                : properties.has("winner")
                        ? (place == null ? text : text.substring(0, place.start())).strip()
                        : verdict[2];
        ObjectNode reply = JSON.objectNode();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            JsonNode spec = property.getValue();
            switch (name) {
                case "score" -> reply.put(name, score != null ? score.value() : middle(spec));
                case "reasoning" -> reply.put(name, reasoning);
                case "prediction" -> reply.put(name, verdict[0]);
                case "evaluation" -> reply.put(name, verdict[1]);
                case "winner" -> reply.put(name, winner(place, spec));
                default -> fill(reply, name, spec, text);
            }
        }
        return reply;
    }

    /** Prediction, evaluation and the text before the answer line; an answer that does not split gives "". */
    private static String[] verdict(String text) {
        String trimmed = text.strip();
        int lineStart = trimmed.lastIndexOf('\n') + 1;
        String answer = trimmed.substring(lineStart);
        String before = trimmed.substring(0, lineStart).strip();
        int comma = answer.lastIndexOf(',');
        String evaluation = comma < 0 ? "" : answer.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
        if (!evaluation.equals("correct") && !evaluation.equals("incorrect")) {
            return new String[] {"", "Incorrect", trimmed};
        }
        return new String[] {
            answer.substring(0, comma).strip(), evaluation.equals("correct") ? "Correct" : "Incorrect", before
        };
    }

    /** The place a verdict names ("A", "B" or "tie") and where it starts (the reasoning is what comes before). */
    private record Place(String winner, int start) {}

    private static Place lastPlace(String text) {
        Matcher m = PLACE.matcher(text);
        Place last = null;
        while (m.find()) {
            last = new Place(m.group(1).equals("C") ? "tie" : m.group(1), m.start());
        }
        return last;
    }

    /** The place named; with none, the schema's last choice (a tie in the core's schema). */
    private static String winner(Place place, JsonNode spec) {
        if (place != null) {
            return place.winner();
        }
        JsonNode choices = spec.path("enum");
        return choices.isArray() && !choices.isEmpty()
                ? choices.get(choices.size() - 1).asText()
                : "tie";
    }

    /** A score the text gives, and where its phrase starts (the reasoning is what comes before). */
    private record Score(int value, int start) {}

    private static Score lastScore(String text) {
        Matcher m = SCORE.matcher(text);
        Score last = null;
        while (m.find()) {
            last = new Score(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)), m.start());
        }
        return last;
    }

    /** The middle of the schema's range, rounded down; 3 on the default 1-5. */
    private static int middle(JsonNode spec) {
        int low = spec.path("minimum").asInt(DEFAULT_LOW);
        int high = spec.path("maximum").asInt(DEFAULT_HIGH);
        return low + (high - low) / 2;
    }

    private static void fill(ObjectNode reply, String name, JsonNode spec, String text) {
        switch (spec.path("type").asText("")) {
            case "integer", "number" -> reply.put(name, 0);
            case "boolean" -> reply.put(name, false);
            case "string" -> reply.put(name, text);
            default -> reply.putNull(name);
        }
    }
}
