package io.arbiter.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An uploaded or generated file, kept in memory, and its OpenAI {@code file} object. */
record StoredFile(String id, String filename, String purpose, long createdAt, byte[] content) {

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("object", "file");
        node.put("bytes", content.length);
        node.put("created_at", createdAt);
        node.put("filename", filename);
        node.put("purpose", purpose);
        node.put("status", "processed");
        node.putNull("status_details");
        return node;
    }
}
