package io.arbiter.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A reply ready for the wire: status, extra headers, body bytes and their content type. */
public record ApiResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    public static ApiResponse json(int status, Object body) {
        try {
            return new ApiResponse(status, Map.of(), "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            // Only our own trees are written here, so this is a bug, not a client error.
            throw new IllegalStateException("Cannot serialise response", e);
        }
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public ApiResponse withHeader(String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, Map.copyOf(copy), contentType, body);
    }
}
