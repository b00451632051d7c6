package io.arbiter.offline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A failure an endpoint reports to the client, rendered as OpenAI's {@code {"error":{...}}} body. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, String> headers;

    public ApiError(int status, String message, String type, String code, String param) {
        this(status, message, type, code, param, Map.of());
    }

    private ApiError(int status, String message, String type, String code, String param, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.headers = Map.copyOf(headers);
    }

    /** 429 as OpenAI sends it when a rate limit is hit: retry after the given seconds. */
    public static ApiError rateLimited(int retryAfterSeconds) {
        return new ApiError(
                429,
                "Rate limit reached for requests (offline fault plan). Please try again in " + retryAfterSeconds + "s.",
                "rate_limit_exceeded",
                "rate_limit_exceeded",
                null,
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /** 429 for an exhausted quota: retrying does not help, so a run should stop. */
    public static ApiError insufficientQuota() {
        return new ApiError(
                429,
                "You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota",
                "insufficient_quota",
                null);
    }

    public static ApiError unavailable() {
        return new ApiError(
                503,
                "The server is overloaded or not ready yet (offline fault plan).",
                "server_error",
                "service_unavailable",
                null);
    }

    public static ApiError badRequest(String message, String param) {
        return new ApiError(400, message, "invalid_request_error", null, param);
    }

    public static ApiError modelNotFound(String model) {
        return new ApiError(
                404,
                "The model `" + model + "` does not exist or you do not have access to it.",
                "invalid_request_error",
                "model_not_found",
                null);
    }

    public static ApiError unknownPath(String method, String path) {
        return new ApiError(404, "Invalid URL (" + method + " " + path + ")", "invalid_request_error", null, null);
    }

    public static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(
                405, "Method " + method + " is not allowed for " + path, "invalid_request_error", null, null);
    }

    public static ApiError invalidApiKey() {
        return new ApiError(401, "Incorrect API key provided", "invalid_request_error", "invalid_api_key", null);
    }

    /**
     * An error whose message repeats the key it was sent, as some providers and proxies do ("Incorrect API key
     * provided: sk-…"), and the whole Authorization header: what a client must redact before showing or keeping it.
     */
    public static ApiError echoingKey(int status, String authorization) {
        String key = authorization == null ? "(none)" : authorization.replaceFirst("(?i)^bearer\\s+", "");
        return new ApiError(
                status,
                "Incorrect API key provided: " + key + ". The request carried Authorization: "
                        + (authorization == null ? "(none)" : authorization) + " (offline fault plan).",
                "invalid_request_error",
                "invalid_api_key",
                null);
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
        return new ApiResponse(
                status,
                headers,
                "application/json",
                ApiResponse.json(status, toJson()).body());
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
