package io.arbiter.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A failure an endpoint reports to the client, rendered as OpenAI's {@code {"error":{...}}} body. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    public ApiError(int status, String message, String type, String code, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public static ApiError badRequest(String message, String param) {
        return new ApiError(400, message, "invalid_request_error", null, param);
    }

    public static ApiError modelNotFound(String model) {
        return new ApiError(404, "The model `" + model + "` does not exist or you do not have access to it.",
                "invalid_request_error", "model_not_found", null);
    }

    public static ApiError unknownPath(String method, String path) {
        return new ApiError(404, "Invalid URL (" + method + " " + path + ")", "invalid_request_error", null, null);
    }

    public static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(405, "Method " + method + " is not allowed for " + path, "invalid_request_error", null, null);
    }

    public static ApiError invalidApiKey() {
        return new ApiError(401, "Incorrect API key provided", "invalid_request_error", "invalid_api_key", null);
    }

    public static ApiError internal(String message) {
        return new ApiError(500, message, "server_error", null, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public ApiResponse toResponse() {
        return ApiResponse.json(status, toJson());
    }

    /** The {@code {"error":{...}}} body, also used for failed lines in a batch's error file. */
    public ObjectNode toJson() {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return body;
    }
}
