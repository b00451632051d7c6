package io.arbiter.offline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Failures the offline server injects so clients' retry, resume and batch-recovery paths can be tested. Over 300
 * lines because this comment is the reference for every fault's syntax, which {@code serve --help} repeats.
 *
 * <p>Syntax (for {@code serve --faults} and {@link #parse}): comma-separated items, each {@code key=value} with
 * optional {@code :option} suffixes; {@code none} or an empty string means no faults.
 * <pre>
 *   429=RATE[:retry-after=SECONDS]   429 rate_limit_exceeded with a Retry-After header (default 1 s)
 *   quota=RATE                       429 insufficient_quota, the error a run should stop on
 *   500=RATE                         500 server_error
 *   503=RATE                         503 service_unavailable
 *   reset=RATE                       the connection is closed without any response
 *   slow=RATE[:DELAY]                the reply is delayed, e.g. slow=0.05:2000ms or :2s (default 2000 ms)
 *   malformed=RATE                   200 with a truncated, unparseable JSON body
 *   think=RATE                       the answer comes after a &lt;think&gt; block of reasoning
 *   reasoning-field=RATE             the message carries a reasoning_content field beside the answer
 *   refusal=RATE                     the message has no content and a refusal
 *   length=RATE                      finish_reason length, half the content, completion tokens at the limit
 *   error-200=RATE                   200 whose body is {"error": …} with a code not worth retrying
 *   error-200-retryable=RATE         200 whose body is {"error": …} with code 502, type server_error
 *   parts=RATE                       the content as an array of text parts
 *   bad-utf8=RATE                    invalid UTF-8 bytes in the content (U+FFFD in batch output, which is text)
 *   unreadable-200=RATE              200 with complete JSON that is no chat completion
 *   echo-key=RATE[:STATUS]           an error (default 401) whose message echoes the Authorization header sent
 *   batch-validation-fail=COUNT      the next COUNT batches fail validation: once, always or a number
 *   batch-expire-after=FRACTION[:COUNT]  the next COUNT batches (default once) expire after that fraction of lines
 *   batch-missing-lines=SHARE[:COUNT]    the next COUNT batches (default once) leave that share of their answered
 *                                    lines out of the output file: answered and paid for, but never delivered
 *   batch-unknown-lines=N            every batch's output gains N lines whose custom_id matches no request
 *   batch-duplicate-lines=SHARE      that share of every batch's output lines is written twice, the copy different
 *   batch-stuck=COUNT                the next COUNT batches answer half their lines, then stay in_progress
 *   hang=RATE                        the connection is accepted and never answered, until the server stops
 *   no-structured=always             every request and batch line with a response_format (other than text) gets
 *                                    400 "Invalid parameter: 'response_format' …" with param response_format
 *   seed=N                           seeds the per-request draws (default 0)
 *   max-faults=N                     after N faults for the same request body it always succeeds (default 3)
 * </pre>
 * Example: {@code 429=0.05:retry-after=1,500=0.02,503=0.02,reset=0.01,slow=0.05:2000ms,malformed=0.02,
 * batch-validation-fail=once,batch-expire-after=0.5}.
 *
 * <p>The reply shapes (think to unreadable-200) also apply to batch output lines, drawn per line body.
 *
 * <p>Realtime rates apply to each chat completion request and must add up to at most 1. Which fault (if any) a
 * request gets is drawn from a hash of (seed, request body, attempt number for that body), so a run is repeatable,
 * a retry of the same request draws afresh, and no request fails forever: {@code max-faults} bounds the faults any
 * one body can receive, which is what lets a correct client end with every row answered.
 */
public record FaultPlan(
        Map<Kind, Double> rates,
        int retryAfterSeconds,
        Duration slowDelay,
        int validationFailures,
        OptionalDouble expireAfter,
        int expiries,
        long seed,
        int maxFaultsPerRequest,
        int echoKeyStatus,
        BatchOutputFaults batchOutput,
        boolean refusesStructuredOutput) {

    /** The kinds of fault, realtime ones first in the order their rates are stacked. */
    public enum Kind {
        RATE_LIMIT("429"),
        INSUFFICIENT_QUOTA("quota"),
        SERVER_ERROR("500"),
        UNAVAILABLE("503"),
        RESET("reset"),
        SLOW("slow"),
        MALFORMED("malformed"),
        HANG("hang"),
        // Replies that are not plain answers, and an error that echoes the key: one block, kept together.
        THINK("think"),
        REASONING_FIELD("reasoning-field"),
        REFUSAL("refusal"),
        LENGTH("length"),
        ERROR_200("error-200"),
        ERROR_200_RETRYABLE("error-200-retryable"),
        PARTS("parts"),
        BAD_UTF8("bad-utf8"),
        UNREADABLE_200("unreadable-200"),
        ECHO_KEY("echo-key"),
        BATCH_VALIDATION_FAIL("batch-validation-fail"),
        BATCH_EXPIRE("batch-expire-after"),
        BATCH_MISSING_LINES("batch-missing-lines"),
        BATCH_UNKNOWN_LINES("batch-unknown-lines"),
        BATCH_DUPLICATE_LINES("batch-duplicate-lines"),
        BATCH_STUCK("batch-stuck"),
        /** Counts refusals; always or never, not a rate. */
        NO_STRUCTURED("no-structured");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        boolean realtime() {
            return ordinal() < BATCH_VALIDATION_FAIL.ordinal();
        }
    }

    public static final FaultPlan NONE = new FaultPlan(
            Map.of(),
            1,
            Duration.ofMillis(2000),
            0,
            OptionalDouble.empty(),
            0,
            0,
            3,
            401,
            BatchOutputFaults.NONE,
            false);

    public FaultPlan {
        rates = Map.copyOf(rates);
        double sum = 0;
        for (Map.Entry<Kind, Double> rate : rates.entrySet()) {
            if (!rate.getKey().realtime()) {
                throw new IllegalArgumentException(rate.getKey().key() + " has no rate");
            }
            if (!(rate.getValue() >= 0 && rate.getValue() <= 1)) {
                throw new IllegalArgumentException(
                        rate.getKey().key() + " rate must be 0 to 1, not " + rate.getValue());
            }
            sum += rate.getValue();
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("Fault rates add up to " + sum + ", more than 1");
        }
        batchOutput = batchOutput == null ? BatchOutputFaults.NONE : batchOutput;
        if (retryAfterSeconds < 0
                || slowDelay.isNegative()
                || validationFailures < 0
                || expiries < 0
                || maxFaultsPerRequest < 0) {
            throw new IllegalArgumentException("Fault plan counts and delays must not be negative");
        }
        if (echoKeyStatus < 400 || echoKeyStatus > 599) {
            throw new IllegalArgumentException("echo-key answers an error status, 400 to 599, not " + echoKeyStatus);
        }
        if (expireAfter.isPresent() && !(expireAfter.getAsDouble() >= 0 && expireAfter.getAsDouble() < 1)) {
            throw new IllegalArgumentException(
                    "batch-expire-after must be at least 0 and below 1, not " + expireAfter.getAsDouble());
        }
    }

    public double rate(Kind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** True when no realtime request can fail. */
    boolean realtimeQuiet() {
        return rates.values().stream().allMatch(rate -> rate == 0);
    }

    /** Parses the syntax in the class comment; throws {@link IllegalArgumentException} naming the bad item. */
    public static FaultPlan parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        Map<Kind, Double> rates = new EnumMap<>(Kind.class);
        int retryAfter = NONE.retryAfterSeconds;
        Duration slow = NONE.slowDelay;
        int validationFailures = 0;
        OptionalDouble expireAfter = OptionalDouble.empty();
        int expiries = 0;
        long seed = 0;
        int maxFaults = NONE.maxFaultsPerRequest;
        BatchOutputFaults output = BatchOutputFaults.NONE;
        int echoKeyStatus = NONE.echoKeyStatus;
        boolean noStructured = false;
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] pieces = trimmed.split(":");
            int eq = pieces[0].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Fault plan item '" + trimmed + "' needs key=value");
            }
            String key = pieces[0].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = pieces[0].substring(eq + 1).trim();
            try {
                switch (key) {
                    case "429", "rate-limit" -> {
                        rates.put(Kind.RATE_LIMIT, Double.parseDouble(value));
                        for (int i = 1; i < pieces.length; i++) {
                            String option = pieces[i].trim();
                            if (!option.startsWith("retry-after=")) {
                                throw new IllegalArgumentException("unknown option '" + option + "'");
                            }
                            retryAfter = Integer.parseInt(
                                    option.substring("retry-after=".length()).trim());
                        }
                    }
                    case "quota", "insufficient_quota", "insufficient-quota" -> rates.put(
                            Kind.INSUFFICIENT_QUOTA, rateOnly(value, pieces));
                    case "500" -> rates.put(Kind.SERVER_ERROR, rateOnly(value, pieces));
                    case "503" -> rates.put(Kind.UNAVAILABLE, rateOnly(value, pieces));
                    case "reset" -> rates.put(Kind.RESET, rateOnly(value, pieces));
                    case "malformed" -> rates.put(Kind.MALFORMED, rateOnly(value, pieces));
                    case "think",
                            "reasoning-field",
                            "refusal",
                            "length",
                            "error-200",
                            "error-200-retryable",
                            "parts",
                            "bad-utf8",
                            "unreadable-200" -> rates.put(kindOf(key), rateOnly(value, pieces));
                    case "echo-key" -> {
                        rates.put(Kind.ECHO_KEY, Double.parseDouble(value));
                        if (pieces.length > 2) {
                            throw new IllegalArgumentException("echo-key takes one status");
                        }
                        if (pieces.length == 2) {
                            echoKeyStatus = Integer.parseInt(pieces[1].trim());
                        }
                    }
                    case "slow" -> {
                        rates.put(Kind.SLOW, Double.parseDouble(value));
                        if (pieces.length > 2) {
                            throw new IllegalArgumentException("slow takes one delay");
                        }
                        if (pieces.length == 2) {
                            slow = duration(pieces[1].trim());
                        }
                    }
                    case "batch-validation-fail" -> validationFailures = count(value);
                    case "batch-expire-after" -> {
                        expireAfter = OptionalDouble.of(Double.parseDouble(value));
                        if (pieces.length > 2) {
                            throw new IllegalArgumentException("batch-expire-after takes one count");
                        }
                        expiries = pieces.length == 2 ? count(pieces[1].trim()) : 1;
                    }
                    case "hang" -> rates.put(Kind.HANG, rateOnly(value, pieces));
                    case "batch-missing-lines" -> {
                        if (pieces.length > 2) {
                            throw new IllegalArgumentException("batch-missing-lines takes one count");
                        }
                        output = output.withMissing(
                                Double.parseDouble(value), pieces.length == 2 ? count(pieces[1].trim()) : 1);
                    }
                    case "batch-unknown-lines" -> output = output.withUnknown(Integer.parseInt(value));
                    case "batch-duplicate-lines" -> output = output.withDuplicate(Double.parseDouble(value));
                    case "batch-stuck" -> output = output.withStuck(count(value));
                    case "no-structured" -> noStructured = always(value, pieces);
                    case "seed" -> seed = Long.parseLong(value);
                    case "max-faults" -> maxFaults = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown fault '" + key + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Bad fault plan item '" + trimmed + "': " + e.getMessage(), e);
            }
        }
        return new FaultPlan(
                rates,
                retryAfter,
                slow,
                validationFailures,
                expireAfter,
                expiries,
                seed,
                maxFaults,
                echoKeyStatus,
                output,
                noStructured);
    }

    private static Kind kindOf(String key) {
        for (Kind kind : Kind.values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + key + "'");
    }

    private static double rateOnly(String value, String[] pieces) {
        if (pieces.length > 1) {
            throw new IllegalArgumentException("takes no options");
        }
        return Double.parseDouble(value);
    }

    /** A refusal a provider makes every time, not a draw: only {@code always} is offered. */
    private static boolean always(String value, String[] pieces) {
        if (pieces.length > 1 || !value.equalsIgnoreCase("always")) {
            throw new IllegalArgumentException("takes 'always'");
        }
        return true;
    }

    private static int count(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "once" -> 1;
            case "always" -> Integer.MAX_VALUE;
            default -> Integer.parseInt(value);
        };
    }

    private static Duration duration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
        }
        if (lower.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(lower.substring(0, lower.length() - 1)) * 1000));
        }
        return Duration.ofMillis(Long.parseLong(lower));
    }
}
