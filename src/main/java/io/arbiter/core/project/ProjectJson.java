package io.arbiter.core.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.ColumnMapping;
import io.arbiter.core.dataset.JudgeColumns;
import io.arbiter.core.dataset.TaskKind;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.StructuredOutput;
import io.arbiter.core.llm.Timeouts;
import io.arbiter.core.llm.TokenPrices;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configuration as the project file stores it: JSON with snake_case keys and never a key, only its variable. */
final class ProjectJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ProjectJson() {}

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The project holds malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return write(array);
    }

    static String cells(String[] values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return write(array);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    static ObjectNode mapping(ColumnMapping m) {
        ObjectNode json = MAPPER.createObjectNode();
        ArrayNode inputs = json.putArray("input_columns");
        m.inputColumns().forEach(inputs::add);
        json.put("truth_column", m.truthColumn());
        json.put("truth_separator", m.truthSeparator());
        json.put("answer_column", m.answerColumn());
        ObjectNode renames = json.putObject("label_renames");
        new java.util.TreeMap<>(m.labelRenames()).forEach(renames::put);
        json.put("task", m.task().id());
        json.put("reference_column", m.judgeColumns().reference());
        json.put("human_score_column", m.judgeColumns().humanScore());
        json.put("human_verdict_column", m.judgeColumns().humanVerdict());
        json.put("human_preference_column", m.judgeColumns().humanPreference());
        json.put("answer_b_column", m.judgeColumns().answerB());
        return json;
    }

    static ColumnMapping mapping(JsonNode json) {
        Map<String, String> renames = new LinkedHashMap<>();
        json.path("label_renames")
                .fields()
                .forEachRemaining(e -> renames.put(e.getKey(), e.getValue().asText()));
        return new ColumnMapping(
                strings(json.path("input_columns")),
                text(json, "truth_column"),
                text(json, "truth_separator"),
                text(json, "answer_column"),
                renames,
                TaskKind.named(text(json, "task")),
                new JudgeColumns(
                        text(json, "reference_column"),
                        text(json, "human_score_column"),
                        text(json, "human_verdict_column"),
                        text(json, "human_preference_column"),
                        text(json, "answer_b_column")));
    }

    /** Every field of the profile; a profile has no key to leave out, only the variable's or keychain entry's name. */
    static ObjectNode provider(ProviderProfile p) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("name", p.name());
        json.put("base_url", p.baseUrl());
        json.put("api_key_env", p.apiKeyEnv());
        json.put("base_model", p.baseModel());
        json.put("judge_model", p.judgeModel());
        json.put("temperature", p.temperature());
        json.put("max_tokens", p.maxTokens());
        json.put("concurrency", p.concurrency());
        if (p.keyFromKeychain()) {
            json.put("api_key_keychain", p.keychainEntry());
        }
        json.set("prices", prices(p.prices()));
        json.put("request_timeout_seconds", p.timeouts().request().toMillis() / 1000.0);
        json.put("row_timeout_seconds", p.timeouts().row().toMillis() / 1000.0);
        json.put("structured_output", p.structuredOutput().key());
        return json;
    }

    /** Per million tokens; a price left out is unknown. */
    static ObjectNode prices(TokenPrices prices) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("base_input_per_million", prices.baseInputPerMillion());
        json.put("base_output_per_million", prices.baseOutputPerMillion());
        json.put("judge_input_per_million", prices.judgeInputPerMillion());
        json.put("judge_output_per_million", prices.judgeOutputPerMillion());
        return json;
    }

    /** Unknown prices for a missing node, as in projects saved before prices were kept. */
    static TokenPrices prices(JsonNode json) {
        if (json == null || !json.isObject()) {
            return TokenPrices.UNKNOWN;
        }
        return new TokenPrices(
                number(json, "base_input_per_million"),
                number(json, "base_output_per_million"),
                number(json, "judge_input_per_million"),
                number(json, "judge_output_per_million"));
    }

    private static Double number(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    static ProviderProfile provider(JsonNode json) {
        return new ProviderProfile(
                text(json, "name"),
                text(json, "base_url"),
                text(json, "api_key_env"),
                text(json, "base_model"),
                text(json, "judge_model"),
                json.path("temperature").asDouble(0),
                json.path("max_tokens").asInt(256),
                json.path("concurrency").asInt(ProviderProfile.DEFAULT_CONCURRENCY),
                text(json, "api_key_keychain"),
                prices(json.get("prices")),
                timeouts(json),
                StructuredOutput.readOrAuto(text(json, "structured_output"))); // auto before the setting existed
    }

    /** The default timeouts for projects saved before they were kept (or with a value that is not positive). */
    static Timeouts timeouts(JsonNode json) {
        double request = json.path("request_timeout_seconds").asDouble(0);
        double row = json.path("row_timeout_seconds").asDouble(0);
        return request > 0 && row > 0 ? Timeouts.ofSeconds(request, row) : Timeouts.DEFAULT;
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
