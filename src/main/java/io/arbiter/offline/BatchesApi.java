package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code /v1/batches}: create, retrieve, cancel and list batches run by {@link BatchRunner}. */
final class BatchesApi {

    private final FileStore files;
    private final BatchRunner runner;

    BatchesApi(FileStore files, BatchRunner runner) {
        this.files = files;
        this.runner = runner;
    }

    /** {@code POST /v1/batches}. */
    ApiResponse create(ApiRequest request) {
        JsonNode body = DemoChat.parse(request.body());
        String inputFileId = text(body, "input_file_id");
        String endpoint = text(body, "endpoint");
        String window = text(body, "completion_window");
        if (!endpoint.equals(BatchRunner.CHAT_ENDPOINT)) {
            throw ApiError.badRequest(
                    "The offline server runs batches for " + BatchRunner.CHAT_ENDPOINT + " only, not " + endpoint + ".",
                    "endpoint");
        }
        if (!window.equals("24h")) {
            throw ApiError.badRequest(
                    "Invalid completion_window '" + window + "': only '24h' is supported.", "completion_window");
        }
        JsonNode metadata = body.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw ApiError.badRequest("metadata must be an object of strings.", "metadata");
        }
        StoredFile input = files.get(inputFileId)
                .orElseThrow(() -> new ApiError(
                        404, "No such File object: " + inputFileId, "invalid_request_error", null, "input_file_id"));
        if (!input.purpose().equals("batch")) {
            throw ApiError.badRequest(
                    "The input file must have purpose 'batch', not '" + input.purpose() + "'.", "input_file_id");
        }
        return ApiResponse.ok(runner.create(input, endpoint, window, metadata).toJson());
    }

    /** {@code GET /v1/batches/{id}}. */
    ApiResponse retrieve(ApiRequest request) {
        return ApiResponse.ok(find(request.pathMatch().group(1)).toJson());
    }

    /** {@code POST /v1/batches/{id}/cancel}. */
    ApiResponse cancel(ApiRequest request) {
        HostedBatch job = find(request.pathMatch().group(1));
        if (!runner.cancel(job)) {
            throw new ApiError(
                    400,
                    "Cannot cancel a batch with status '" + job.status().wire() + "'.",
                    "invalid_request_error",
                    "batch_not_cancellable",
                    null);
        }
        return ApiResponse.ok(job.toJson());
    }

    /** {@code GET /v1/batches?limit=&after=}: newest first, with the cursor fields the SDK's pager follows. */
    ApiResponse list(ApiRequest request) {
        int limit = request.queryParameter("limit").map(BatchesApi::limit).orElse(20);
        List<HostedBatch> all = runner.list();
        int from = 0;
        String after = request.queryParameter("after").orElse(null);
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id.equals(after)) {
                    from = i + 1;
                }
            }
        }
        List<HostedBatch> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode list = f.objectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        page.forEach(job -> data.add(job.toJson()));
        list.put("first_id", page.isEmpty() ? null : page.get(0).id);
        list.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id);
        list.put("has_more", from + page.size() < all.size());
        return ApiResponse.ok(list);
    }

    private HostedBatch find(String id) {
        return runner.get(id)
                .orElseThrow(() -> new ApiError(
                        404, "No batch found with id '" + id + "'.", "invalid_request_error", null, "batch_id"));
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw ApiError.badRequest("limit must be 1 to 100, not '" + text + "'.", "limit");
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw ApiError.badRequest("Missing required parameter: '" + field + "'.", field);
        }
        return node.asText();
    }
}
