package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The text of a chat request as a model reads it: system (and developer) text, user text, and everything. */
public record ChatPrompt(String system, String user, String all) {

    /** Reads OpenAI {@code messages}, whose content is a string or an array of {@code {type:"text"}} parts. */
    static ChatPrompt fromMessages(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("'messages' must be a non-empty array.", "messages");
        }
        List<String> system = new ArrayList<>();
        List<String> user = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.isObject() || !message.path("role").isTextual()) {
                throw ApiError.badRequest("Each message needs a 'role'.", "messages");
            }
            String role = message.get("role").asText();
            String text = contentText(message.get("content"));
            all.add(text);
            switch (role) {
                case "system", "developer" -> system.add(text);
                case "user" -> user.add(text);
                default -> {} // Earlier assistant/tool turns count as tokens but not as the question.
            }
        }
        return new ChatPrompt(String.join("\n", system), String.join("\n", user), String.join("\n", all));
    }

    private static String contentText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText())
                        && part.path("text").isTextual()) {
                    parts.add(part.get("text").asText());
                }
            }
            return String.join("\n", parts);
        }
        throw ApiError.badRequest("Message 'content' must be a string or an array of content parts.", "messages");
    }
}
