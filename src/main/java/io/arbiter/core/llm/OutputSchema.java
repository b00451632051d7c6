package io.arbiter.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON schema a judge's reply must follow, sent as {@code response_format} of type {@code json_schema} with
 * {@code strict} on. A grading scheme gives it; the request carries it only when the provider profile says so.
 *
 * @param name       the schema's name, as OpenAI asks for one ({@code a-z}, digits, {@code _} and {@code -})
 * @param jsonSchema the schema itself as JSON text: an object
 */
public record OutputSchema(String name, String jsonSchema) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * {@link #responseFormat()} as text, per schema: every judge request's key hashes it, and making it again parsed
     * and wrote the schema for each of them. A process meets a few schemas (one a grading scheme and scale).
     */
    private static final Map<OutputSchema, String> FORMAT_TEXTS = new ConcurrentHashMap<>();

    public OutputSchema {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("A schema name is 1 to 64 letters, digits, _ or -, not '" + name + "'");
        }
        schema(jsonSchema); // a scheme's typo fails when the scheme is made, not on the first request
    }

    /** The schema as a JSON object, a fresh copy on each call. */
    public ObjectNode schema() {
        return schema(jsonSchema);
    }

    /** The whole {@code response_format} value, as realtime requests and batch lines carry it. */
    public ObjectNode responseFormat() {
        ObjectNode format = JSON.createObjectNode();
        format.put("type", "json_schema");
        ObjectNode spec = format.putObject("json_schema");
        spec.put("name", name);
        spec.put("strict", true);
        spec.set("schema", schema());
        return format;
    }

    /** {@link #responseFormat()} as JSON text, made once per schema. */
    public String responseFormatText() {
        if (FORMAT_TEXTS.size() > 64) {
            FORMAT_TEXTS.clear(); // never grows without bound, whatever made so many schemas
        }
        return FORMAT_TEXTS.computeIfAbsent(
                this, schema -> schema.responseFormat().toString());
    }

    private static ObjectNode schema(String text) {
        try {
            if (text != null && JSON.readTree(text) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The output schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("The output schema must be a JSON object");
    }
}
