package io.arbiter.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A batch's output and error files as a provider writes them: lines shuffled with a seed fixed per batch (OpenAI
 * gives no order), then spoiled as the fault plan says — lines lost, lines doubled with other content, foreign lines.
 */
final class BatchOutputFiles {

    private final FileStore files;
    private final BatchFaults faults;
    private final ServerCounters counters;
    private final Clock clock;

    BatchOutputFiles(FileStore files, BatchFaults faults, ServerCounters counters, Clock clock) {
        this.files = files;
        this.faults = faults;
        this.counters = counters;
        this.clock = clock;
    }

    /** Writes the job's output and error files into the file store and notes their ids on the job. */
    void write(HostedBatch job) {
        Random seeded = new Random(job.sequence * 0x9E3779B97F4A7C15L);
        List<String> output = new ArrayList<>(job.outputLines);
        Collections.shuffle(output, seeded);
        output = damaged(job, output);
        if (!output.isEmpty()) {
            job.outputFileId = files.add(job.id + "_output.jsonl", "batch_output", jsonl(output))
                    .id();
        }
        if (!job.errorLines.isEmpty()) {
            List<String> errors = new ArrayList<>(job.errorLines);
            Collections.shuffle(errors, seeded);
            job.errorFileId = files.add(job.id + "_error.jsonl", "batch_output", jsonl(errors))
                    .id();
        }
    }

    /** The output file as the fault plan spoils it: lines lost, lines doubled with other content, foreign lines. */
    private List<String> damaged(HostedBatch job, List<String> output) {
        BatchOutputFaults plan = faults.output();
        List<String> lines =
                new ArrayList<>(output.subList((int) Math.floor(output.size() * job.missingShare), output.size()));
        int doubled = (int) Math.floor(lines.size() * plan.duplicate());
        for (int i = 0; i < doubled; i++) {
            lines.add(otherContent(lines.get(i)));
        }
        if (doubled > 0) {
            counters.fault(FaultPlan.Kind.BATCH_DUPLICATE_LINES);
        }
        for (int i = 0; i < plan.unknown(); i++) {
            ObjectNode foreign = JsonNodeFactory.instance.objectNode();
            foreign.put("id", "batch_req_foreign_" + job.sequence + "_" + i);
            if (i % 2 == 0) {
                foreign.putNull("custom_id"); // some gateways drop it altogether
            } else {
                foreign.put("custom_id", "request-" + (i + 1));
            }
            ObjectNode response = foreign.putObject("response");
            response.put("status_code", 200);
            ObjectNode body = response.putObject("body");
            body.put("id", "chatcmpl-foreign-" + job.sequence + "-" + i);
            body.put("object", "chat.completion");
            body.put("created", now());
            body.put("model", "unknown");
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", "A line nobody asked for.");
            choice.put("finish_reason", "stop");
            foreign.putNull("error");
            lines.add(write(foreign));
        }
        if (plan.unknown() > 0) {
            counters.fault(FaultPlan.Kind.BATCH_UNKNOWN_LINES);
        }
        return lines;
    }

    private static String otherContent(String line) {
        try {
            ObjectNode copy = (ObjectNode) ApiResponse.JSON.readTree(line);
            JsonNode message =
                    copy.path("response").path("body").path("choices").path(0).path("message");
            if (message instanceof ObjectNode node) {
                node.put("content", node.path("content").asText() + " (a second, different answer)");
            }
            return write(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read back a batch line", e);
        }
    }

    private static byte[] jsonl(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One line of an output or error file. */
    static String write(ObjectNode node) {
        try {
            return ApiResponse.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a batch line", e);
        }
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
