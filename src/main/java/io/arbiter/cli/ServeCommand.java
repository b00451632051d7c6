package io.arbiter.cli;

import io.arbiter.offline.BatchPace;
import io.arbiter.offline.DemoModels;
import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arbiter serve}: the offline demo model as an OpenAI-compatible server for any client. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the offline demo model (a deterministic text classifier, not an LLM) on 127.0.0.1, "
                + "with chat completions, files and the Batch API.",
        footer = {
            "",
            "Fault plan syntax (--faults): comma-separated items, RATE from 0 to 1, rates adding up to at most 1:",
            "  429=RATE[:retry-after=SECONDS]   429 rate_limit_exceeded with Retry-After (default 1)",
            "  quota=RATE                       429 insufficient_quota",
            "  500=RATE, 503=RATE               server errors",
            "  reset=RATE                       close the connection without a reply",
            "  slow=RATE[:DELAY]                delay the reply, e.g. slow=0.05:2000ms (default 2000ms)",
            "  malformed=RATE                   200 with an unparseable JSON body",
            "  think=RATE, reasoning-field=RATE  reasoning before the answer: a <think> block, a reasoning_content field",
            "  refusal=RATE                     no content, a refusal",
            "  length=RATE                      finish_reason length with half the answer",
            "  error-200=RATE                   200 whose body is {\"error\": ...} not worth retrying",
            "  error-200-retryable=RATE         200 whose body is {\"error\": ...} with code 502, server_error",
            "  parts=RATE                       the content as an array of text parts",
            "  bad-utf8=RATE                    invalid UTF-8 bytes in the content",
            "  unreadable-200=RATE              200 with complete JSON that is no chat completion",
            "  echo-key=RATE[:STATUS]           an error (default 401) that repeats the Authorization header sent",
            "  batch-validation-fail=COUNT      the next COUNT batches fail validation (once, always, N)",
            "  hang=RATE                        accept the request and never answer (until the server stops)",
            "  no-structured=always             refuse every response_format (400, param response_format)",
            "  batch-expire-after=FRACTION[:COUNT]  the next COUNT batches (default once) expire part-way",
            "  batch-missing-lines=SHARE[:COUNT] the next COUNT batches (default once) leave out that share of answers",
            "  batch-unknown-lines=N            N output lines per batch whose custom_id matches no request",
            "  batch-duplicate-lines=SHARE      that share of output lines written twice, the copy different",
            "  batch-stuck=COUNT                the next COUNT batches stay in_progress half done, until cancelled",
            "  seed=N                           seed for the per-request draws (default 0)",
            "  max-faults=N                     faults per identical request before it always succeeds (default 3)",
            "Faults are drawn per (request body, attempt), so a retry can succeed and none is permanent.",
            "Example: --faults \"429=0.05:retry-after=1,500=0.02,503=0.02,reset=0.01,slow=0.05:2000ms,"
                    + "malformed=0.02,batch-validation-fail=once,batch-expire-after=0.5\""
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one.")
    int port;

    @Option(
            names = "--faults",
            paramLabel = "PLAN",
            defaultValue = "none",
            description = "Failures to inject (see below); default: ${DEFAULT-VALUE}.")
    String faults;

    @Option(
            names = "--batch-pace",
            paramLabel = "LINES_PER_SECOND",
            defaultValue = "200",
            description = "How many batch lines the server answers per second, so progress can be watched; "
                    + "default: ${DEFAULT-VALUE}.")
    double batchPace;

    @Override
    public Integer call() throws InterruptedException {
        OfflineServer server = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println(DemoModels.DISPLAY_NAME + " serving at " + server.baseUrl()
                + " (models " + DemoModels.BASE + ", " + DemoModels.JUDGE + "; batches at " + batchPace
                + " lines/s" + (faults.equalsIgnoreCase("none") ? "" : "; faults " + faults)
                + "); Ctrl+C stops it.");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** Checks the options and starts the server; separate from {@link #call()}, which then waits forever. */
    OfflineServer start() {
        if (port < 0 || port > 65535) {
            throw new CliFailure("--port must be 0 to 65535, not " + port, ArbiterCli.BAD_INPUT);
        }
        FaultPlan plan;
        try {
            plan = FaultPlan.parse(faults);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--faults: " + e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        BatchPace pace;
        try {
            pace = BatchPace.linesPerSecond(batchPace);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(
                    "--batch-pace must be a positive number of lines per second, not " + batchPace,
                    ArbiterCli.BAD_INPUT);
        }
        try {
            return OfflineServer.builder()
                    .port(port)
                    .faults(plan)
                    .batchPace(pace)
                    .start();
        } catch (RuntimeException e) {
            throw new CliFailure(
                    "cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", ArbiterCli.BAD_INPUT);
        }
    }
}
