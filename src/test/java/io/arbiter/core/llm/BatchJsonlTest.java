package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJsonlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void requestLineHasTheBatchApisShape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchJsonl.RequestWriter writer = new BatchJsonl.RequestWriter(out)) {
            writer.write(new BatchRequestLine(
                    "arb-3-BASE-7",
                    new ChatRequest("gpt-4o-mini", "Reply with one genre.", "A \"sheriff\"\nrides.", 0.0, 64)));
            writer.write(new BatchRequestLine("arb-3-BASE-8", new ChatRequest("gpt-4o-mini", "", "Hi", 0.5, 8)));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        JsonNode first = JSON.readTree(lines[0]);

        assertEquals("arb-3-BASE-7", first.get("custom_id").asText());
        assertEquals("POST", first.get("method").asText());
        assertEquals("/v1/chat/completions", first.get("url").asText());
        JsonNode body = first.get("body");
        assertEquals("gpt-4o-mini", body.get("model").asText());
        assertEquals("system", body.get("messages").get(0).get("role").asText());
        assertEquals(
                "A \"sheriff\"\nrides.",
                body.get("messages").get(1).get("content").asText());
        assertEquals(0.0, body.get("temperature").asDouble());
        assertEquals(64, body.get("max_completion_tokens").asInt());
        assertEquals(1, JSON.readTree(lines[1]).get("body").get("messages").size(), "no empty system message");
    }

    @Test
    void openAiOutputAndErrorLinesAreRead() throws IOException {
        String output =
                """
                {"id":"batch_req_1","custom_id":"arb-1-BASE-0","response":{"status_code":200,"request_id":"r1","body":{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Western"},"finish_reason":"stop"}],"usage":{"prompt_tokens":31,"completion_tokens":2,"total_tokens":33}}},"error":null}
                {"id":"batch_req_2","custom_id":"arb-1-BASE-1","response":{"status_code":400,"request_id":"r2","body":{"error":{"message":"max_tokens is too large","type":"invalid_request_error","code":null}}},"error":null}
                {"id":"batch_req_3","custom_id":"arb-1-BASE-2","response":null,"error":{"code":"batch_expired","message":"This request could not be executed before the completion window expired."}}
                """;

        List<BatchResultLine> results = readAll(output);

        assertEquals(3, results.size());
        assertEquals(new BatchResultLine("arb-1-BASE-0", "Western", new Usage(31, 2), null, 1), results.get(0));
        assertEquals("arb-1-BASE-1", results.get(1).customId());
        assertTrue(
                results.get(1).error().contains("max_tokens is too large"),
                results.get(1).error());
        assertTrue(results.get(1).error().contains("400"), results.get(1).error());
        assertEquals(
                "batch_expired: This request could not be executed before the completion window expired.",
                results.get(2).error());
        assertFalse(results.get(2).answered());
    }

    @Test
    void vllmSingleFileWithInlineErrorsIsRead() throws IOException {
        String output =
                """
                {"id":"vllm-a","custom_id":"arb-2-JUDGE-0","response":{"status_code":200,"request_id":"vllm-batch-a","body":{"id":"cmpl-a","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"Drama,Correct"}}],"usage":{"prompt_tokens":80,"total_tokens":84,"completion_tokens":4}}},"error":null}
                {"id":"vllm-b","custom_id":"arb-2-JUDGE-1","response":{"status_code":400,"request_id":"vllm-batch-b","body":{"object":"error","message":"This model's maximum context length is 4096 tokens.","type":"BadRequestError","param":null,"code":400}},"error":null}
                {"id":"vllm-c","custom_id":"arb-2-JUDGE-2","response":{"status_code":500,"request_id":"vllm-batch-c","body":null},"error":"Internal server error"}
                """;

        List<BatchResultLine> results = readAll(output);

        assertEquals("Drama,Correct", results.get(0).text());
        assertEquals(new Usage(80, 4), results.get(0).usage());
        assertTrue(
                results.get(1).error().contains("maximum context length"),
                results.get(1).error());
        assertTrue(
                results.get(2).error().contains("Internal server error"),
                results.get(2).error());
    }

    @Test
    void aBrokenLineCostsOneRowNotTheFile() throws IOException {
        String output =
                """
                {"custom_id":"arb-1-BASE-0","response":{"status_code":200,"body":{"choices":[{"message":{"content":"A"}}]}}}
                {"custom_id":"arb-1-BASE-1","response":{"status_co

                [1,2]
                {"custom_id":"arb-1-BASE-3","response":{"status_code":200,"body":{"choices":[{"message":{"content":null}}]}}}
                """;

        List<BatchResultLine> results = readAll(output);

        assertEquals(4, results.size());
        assertEquals("A", results.get(0).text());
        assertNull(results.get(1).customId());
        assertTrue(results.get(1).error().startsWith("Line 2 "), results.get(1).error());
        assertTrue(results.get(2).error().contains("not a JSON object"));
        assertEquals(4, results.get(2).lineNumber()); // the blank line 3 is skipped but counted
        assertEquals("", results.get(3).text());
    }

    @Test
    void customIdsRoundTripAndRejectStrangers() {
        BatchCustomId id = new BatchCustomId(12, "JUDGE", 345);

        assertEquals("arb-12-JUDGE-345", id.toString());
        assertEquals(Optional.of(id), BatchCustomId.parse("arb-12-JUDGE-345"));
        assertEquals(Optional.empty(), BatchCustomId.parse("arb-12-judge-345"));
        assertEquals(Optional.empty(), BatchCustomId.parse("request-1"));
        assertEquals(Optional.empty(), BatchCustomId.parse("arb-1-BASE-99999999999"));
        assertEquals(Optional.empty(), BatchCustomId.parse(null));
    }

    @Test
    void sharderSplitsByLinesAndByBytes() throws IOException {
        List<BatchSharder.Shard> byLines =
                new BatchSharder(3, 1_000_000).write(requests(7), dir.resolve("a"), "run-1-BASE");
        assertEquals(
                List.of(3, 3, 1),
                byLines.stream().map(BatchSharder.Shard::lineCount).toList());
        assertEquals("run-1-BASE-2.jsonl", byLines.get(2).file().getFileName().toString());
        assertEquals(
                7,
                IntStream.range(0, 3).map(i -> lineCount(byLines.get(i).file())).sum());

        long oneLine = byLines.get(2).bytes();
        List<BatchSharder.Shard> byBytes =
                new BatchSharder(100, oneLine * 2 + 5).write(requests(5), dir.resolve("b"), "s");
        assertEquals(
                List.of(2, 2, 1),
                byBytes.stream().map(BatchSharder.Shard::lineCount).toList());
        for (BatchSharder.Shard shard : byBytes) {
            assertEquals(shard.bytes(), Files.size(shard.file()));
            assertTrue(shard.bytes() <= oneLine * 2 + 5);
        }

        assertThrows(IOException.class, () -> new BatchSharder(10, 20).write(requests(1), dir.resolve("c"), "s"));
        assertEquals(List.of(), new BatchSharder().write(requests(0), dir.resolve("d"), "s"));
    }

    /** Writes 50,000 requests into one shard, answers each as a provider would, and reads the answers back in order. */
    @Test
    void fiftyThousandLinesRoundTrip() throws IOException {
        int count = BatchSharder.MAX_LINES;
        List<BatchSharder.Shard> shards = new BatchSharder().write(requests(count), dir.resolve("in"), "run-9-BASE");
        assertEquals(1, shards.size());
        assertEquals(count, shards.get(0).lineCount());

        Path output = dir.resolve("output.jsonl");
        answerLikeAProvider(shards.get(0).file(), output);

        AtomicLong answered = new AtomicLong();
        AtomicLong tokens = new AtomicLong();
        long[] nextRow = {0};
        long results;
        try (InputStream in = Files.newInputStream(output)) {
            results = BatchJsonl.read(in, line -> {
                BatchCustomId id = BatchCustomId.parse(line.customId()).orElseThrow();
                assertEquals(nextRow[0]++, id.row());
                assertEquals("Genre for row " + id.row(), line.text());
                answered.incrementAndGet();
                tokens.addAndGet(line.usage().total());
            });
        }
        assertEquals(count, results);
        assertEquals(count, answered.get());
        assertEquals(count * 45L, tokens.get());
    }

    /** Streams an input file into an output file with one chat completion per line. */
    private static void answerLikeAProvider(Path input, Path output) throws IOException {
        JsonFactory factory = new JsonFactory();
        try (BufferedReader reader = Files.newBufferedReader(input);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(output));
                JsonGenerator json = factory.createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode request = JSON.readTree(line);
                String customId = request.get("custom_id").asText();
                int row = BatchCustomId.parse(customId).orElseThrow().row();
                json.writeStartObject();
                json.writeStringField("id", "batch_req_" + row);
                json.writeStringField("custom_id", customId);
                json.writeObjectFieldStart("response");
                json.writeNumberField("status_code", 200);
                json.writeObjectFieldStart("body");
                json.writeStringField("object", "chat.completion");
                json.writeArrayFieldStart("choices");
                json.writeStartObject();
                json.writeObjectFieldStart("message");
                json.writeStringField("role", "assistant");
                json.writeStringField("content", "Genre for row " + row);
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndArray();
                json.writeObjectFieldStart("usage");
                json.writeNumberField("prompt_tokens", 40);
                json.writeNumberField("completion_tokens", 5);
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                json.writeNullField("error");
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    private static Iterator<BatchRequestLine> requests(int count) {
        return IntStream.range(0, count)
                .mapToObj(row -> new BatchRequestLine(
                        new BatchCustomId(9, "BASE", row).toString(),
                        new ChatRequest(
                                "gpt-4o-mini",
                                "Choose one genre from: Drama, Western, Comedy. Reply with the genre only.",
                                "Row " + row
                                        + ": a sheriff and a young outlaw ride across the frontier to stop cattle rustlers.",
                                0.0,
                                16)))
                .iterator();
    }

    private static List<BatchResultLine> readAll(String text) throws IOException {
        List<BatchResultLine> results = new ArrayList<>();
        BatchJsonl.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), results::add);
        return results;
    }

    private static int lineCount(Path file) {
        try (var lines = Files.lines(file)) {
            return (int) lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
