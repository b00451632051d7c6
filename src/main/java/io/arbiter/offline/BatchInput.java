package io.arbiter.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The lines of a batch input file once validated, or the errors (with 1-based line numbers) that failed it. */
record BatchInput(List<Line> lines, List<ObjectNode> errors) {

    /** One request of a batch. */
    record Line(int number, String customId, JsonNode body) {}

    static final int MAX_LINES = 50_000;
    private static final int MAX_ERRORS = 1000;

    boolean valid() {
        return errors.isEmpty();
    }

    /** Checks each line as OpenAI does before it starts: JSON, custom_id present and unique, method, url, body. */
    static BatchInput parse(byte[] content, String endpoint) {
        List<Line> lines = new ArrayList<>();
        List<ObjectNode> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] texts = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < texts.length && errors.size() < MAX_ERRORS; i++) {
            int number = i + 1;
            String text = texts[i];
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = ApiResponse.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                errors.add(error("invalid_json_line", "This line is not parseable as valid JSON.", number, null));
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(error("invalid_json_line", "This line is not a JSON object.", number, null));
                continue;
            }
            JsonNode customId = node.get("custom_id");
            if (customId == null || !customId.isTextual() || customId.asText().isEmpty()) {
                errors.add(error(
                        "missing_required_parameter", "Missing required parameter: 'custom_id'.", number, "custom_id"));
                continue;
            }
            if (!seen.add(customId.asText())) {
                errors.add(error(
                        "duplicate_custom_id",
                        "The custom_id '" + customId.asText()
                                + "' is used by an earlier line; custom_id must be unique within a batch.",
                        number,
                        "custom_id"));
                continue;
            }
            JsonNode method = node.get("method");
            if (method == null || !"POST".equals(method.asText())) {
                errors.add(error("invalid_method", "The method must be POST.", number, "method"));
                continue;
            }
            JsonNode url = node.get("url");
            if (url == null || !endpoint.equals(url.asText())) {
                errors.add(error(
                        "invalid_url",
                        "The url " + (url == null ? "(missing)" : "'" + url.asText() + "'")
                                + " does not match the batch endpoint " + endpoint + ".",
                        number,
                        "url"));
                continue;
            }
            JsonNode body = node.get("body");
            if (body == null || !body.isObject()) {
                errors.add(error("missing_required_parameter", "Missing required parameter: 'body'.", number, "body"));
                continue;
            }
            lines.add(new Line(number, customId.asText(), body));
        }
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.add(error("empty_file", "The input file has no requests.", null, null));
        }
        if (errors.isEmpty() && lines.size() > MAX_LINES) {
            errors.add(error(
                    "too_many_tasks",
                    "A batch may hold at most " + MAX_LINES + " requests, not " + lines.size() + ".",
                    null,
                    null));
        }
        return new BatchInput(errors.isEmpty() ? List.copyOf(lines) : List.of(), List.copyOf(errors));
    }

    static ObjectNode error(String code, String message, Integer line, String param) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("param", param);
        error.put("line", line);
        return error;
    }
}
