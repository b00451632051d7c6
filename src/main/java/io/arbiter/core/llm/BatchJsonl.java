package io.arbiter.core.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The Batch API's JSONL, both ways and one line at a time, so a 50,000-line file never sits in memory whole.
 * Writes request lines for {@code POST /v1/chat/completions}; reads output lines in OpenAI's shape (answers in
 * the output file, failures in a separate error file) and vLLM's (one file, errors inline).
 */
public final class BatchJsonl {

    public static final String ENDPOINT = "/v1/chat/completions";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private BatchJsonl() {}

    // Writing

    /** Writes request lines to a stream; each line is encoded on its own so its size is known before it is written. */
    public static final class RequestWriter implements AutoCloseable {

        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        private final JsonGenerator json;
        private long lines;
        private long bytes;

        public RequestWriter(OutputStream out) {
            this.out = out;
            try {
                this.json = FACTORY.createGenerator(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        /** The line as UTF-8 bytes, newline included, without writing it. */
        public byte[] encode(BatchRequestLine request) throws IOException {
            line.reset();
            ChatRequest r = request.request();
            json.writeStartObject();
            json.writeStringField("custom_id", request.customId());
            json.writeStringField("method", "POST");
            json.writeStringField("url", ENDPOINT);
            json.writeObjectFieldStart("body");
            json.writeStringField("model", r.model());
            json.writeArrayFieldStart("messages");
            if (r.system() != null && !r.system().isBlank()) {
                message("system", r.system());
            }
            message("user", r.user());
            json.writeEndArray();
            json.writeNumberField("temperature", r.temperature());
            json.writeNumberField("max_completion_tokens", r.maxTokens());
            if (r.seed() != null) {
                json.writeNumberField("seed", r.seed());
            }
            if (r.outputSchema() != null) {
                json.writeFieldName("response_format");
                MAPPER.writeTree(json, r.outputSchema().responseFormat());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
            line.write('\n');
            return line.toByteArray();
        }

        private void message(String role, String content) throws IOException {
            json.writeStartObject();
            json.writeStringField("role", role);
            json.writeStringField("content", content);
            json.writeEndObject();
        }

        /** Writes one line; returns its size in bytes. */
        public int write(BatchRequestLine request) throws IOException {
            return writeEncoded(encode(request));
        }

        /** Writes a line that {@link #encode} produced. */
        public int writeEncoded(byte[] encoded) throws IOException {
            out.write(encoded);
            lines++;
            bytes += encoded.length;
            return encoded.length;
        }

        public long lines() {
            return lines;
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public void close() throws IOException {
            json.close();
            out.close();
        }
    }

    // Reading

    /**
     * Reads an output or error file line by line and hands each answer to {@code sink}. A line that is not JSON
     * becomes a result with an error (and a null custom id when none can be found), never an exception, so one
     * broken line costs one row; blank lines are skipped. Returns the number of results handed on.
     */
    public static long read(InputStream in, Consumer<BatchResultLine> sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long lineNumber = 0;
        long results = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            sink.accept(parseLine(text, lineNumber));
            results++;
        }
        return results;
    }

    static BatchResultLine parseLine(String text, long lineNumber) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new BatchResultLine(
                    null,
                    null,
                    Usage.NONE,
                    "Line " + lineNumber + " of the batch output is not valid JSON: " + e.getOriginalMessage(),
                    lineNumber);
        }
        if (node == null || !node.isObject()) {
            return new BatchResultLine(
                    null,
                    null,
                    Usage.NONE,
                    "Line " + lineNumber + " of the batch output is not a JSON object",
                    lineNumber);
        }
        String customId = textOrNull(node.get("custom_id"));
        JsonNode response = node.get("response");
        JsonNode body = response == null || response.isNull() ? null : response.get("body");
        int status = response == null || response.isNull()
                ? 0
                : response.path("status_code").asInt(0);

        String error = errorText(node.get("error"));
        if (error == null && body != null && !body.isNull()) {
            error = errorText(body.get("error"));
            if (error == null && "error".equals(textOrNull(body.get("object")))) {
                error = errorText(body); // vLLM's ErrorResponse
            }
        }
        if (error == null && status != 0 && (status < 200 || status > 299)) {
            error = "The provider answered " + status;
        }
        if (error == null && (body == null || body.isNull())) {
            error = "No response body";
        }
        if (error != null) {
            String prefix = status != 0 && !error.startsWith("The provider answered") ? "(" + status + ") " : "";
            return new BatchResultLine(customId, null, Usage.NONE, Redaction.redact(prefix + error), lineNumber);
        }
        // The same reader as realtime replies, so a row reads alike whichever way it was sent. The request's max
        // tokens are not on the output line: a cut-off names the completion tokens, which the provider capped there.
        try {
            ChatReply reply = ChatReplyReader.read(body, 0, null, body::toString);
            return new BatchResultLine(
                    customId, reply.content(), reply.usage(), null, lineNumber, reply.reasoning(), null);
        } catch (ChatFailure failure) {
            return new BatchResultLine(
                    customId,
                    null,
                    failure.usage(),
                    failure.getMessage(),
                    lineNumber,
                    null,
                    failure.rawBody().orElse(null));
        }
    }

    /** An error as OpenAI ({@code {"code","message"}}) or vLLM (a string, or {@code {"message","type","code"}}) give it. */
    private static String errorText(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText().isBlank() ? null : error.asText();
        }
        if (error.isObject()) {
            String message = textOrNull(error.get("message"));
            String code = textOrNull(error.get("code"));
            if (message == null && code == null) {
                return error.toString();
            }
            return code == null ? message : message == null ? code : code + ": " + message;
        }
        return error.toString();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
