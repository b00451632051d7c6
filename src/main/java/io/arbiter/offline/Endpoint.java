package io.arbiter.offline;

/** Serves one route; throws {@link ApiError} for failures the client should see. */
@FunctionalInterface
public interface Endpoint {

    ApiResponse handle(ApiRequest request);
}
