package io.arbiter.offline;

import java.util.Locale;
import java.util.Map;

/** {@code /v1/files}: multipart upload of batch input, file metadata and raw content. */
final class FilesApi {

    static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final java.util.Set<String> PURPOSES =
            java.util.Set.of("batch", "assistants", "fine-tune", "vision", "user_data", "evals");

    private final FileStore files;

    FilesApi(FileStore files) {
        this.files = files;
    }

    /** {@code POST /v1/files}. */
    ApiResponse create(ApiRequest request) {
        if (request.body().length > MAX_BYTES) {
            throw new ApiError(
                    413,
                    "File is too large: the offline server accepts up to 200 MB.",
                    "invalid_request_error",
                    "file_too_large",
                    "file");
        }
        MultipartForm form = MultipartForm.parse(request.header("Content-Type").orElse(null), request.body());
        String purpose = form.part("purpose")
                .map(MultipartForm.Part::text)
                .map(String::trim)
                .orElseThrow(() -> ApiError.badRequest("Missing required parameter: 'purpose'.", "purpose"));
        if (!PURPOSES.contains(purpose)) {
            throw ApiError.badRequest("Invalid purpose '" + purpose + "'.", "purpose");
        }
        MultipartForm.Part file =
                form.part("file").orElseThrow(() -> ApiError.badRequest("Missing required parameter: 'file'.", "file"));
        String filename = file.filename() == null || file.filename().isBlank() ? "upload.jsonl" : file.filename();
        if (purpose.equals("batch") && !filename.toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw ApiError.badRequest(
                    "Invalid file format for Batch API. Must be .jsonl, not '" + filename + "'.", "file");
        }
        return ApiResponse.ok(files.add(filename, purpose, file.content()).toJson());
    }

    /** {@code GET /v1/files/{id}}. */
    ApiResponse retrieve(ApiRequest request) {
        return ApiResponse.ok(files.require(request.pathMatch().group(1)).toJson());
    }

    /** {@code GET /v1/files/{id}/content}. */
    ApiResponse content(ApiRequest request) {
        StoredFile file = files.require(request.pathMatch().group(1));
        return new ApiResponse(200, Map.of(), "application/octet-stream", file.content());
    }
}
