package io.arbiter.offline;

import io.arbiter.offline.FaultPlan.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies a {@link FaultPlan}: draws the fault for each chat request from (seed, body, attempt) and hands out the
 * planned batch faults one batch at a time.
 */
final class FaultInjector implements BatchFaults {

    /** Attempts and faults so far for one request body. */
    private record Tally(int attempts, int faults) {}

    private final FaultPlan plan;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger validationFailures;
    private final AtomicInteger expiries;
    private final AtomicInteger stalls;
    private final AtomicInteger losses;

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.validationFailures = new AtomicInteger(plan.validationFailures());
        this.expiries = new AtomicInteger(plan.expiries());
        this.stalls = new AtomicInteger(plan.batchOutput().stuck());
        this.losses = new AtomicInteger(
                plan.batchOutput().missing() > 0 ? plan.batchOutput().missingCount() : 0);
    }

    FaultPlan plan() {
        return plan;
    }

    /** The fault for this attempt at this body, if any; each call is one attempt. */
    Optional<Kind> decide(byte[] body) {
        if (plan.realtimeQuiet()) {
            return Optional.empty();
        }
        String key = DemoChat.digest(body);
        Kind[] chosen = new Kind[1];
        tallies.compute(key, (k, tally) -> {
            Tally before = tally == null ? new Tally(0, 0) : tally;
            Kind kind = before.faults() >= plan.maxFaultsPerRequest() ? null : draw(key, before.attempts());
            chosen[0] = kind;
            return new Tally(before.attempts() + 1, before.faults() + (kind == null ? 0 : 1));
        });
        return Optional.ofNullable(chosen[0]);
    }

    private Kind draw(String key, int attempt) {
        double u = uniform(key, attempt);
        double upTo = 0;
        for (Kind kind : Kind.values()) {
            upTo += plan.rate(kind);
            if (u < upTo) {
                return kind;
            }
        }
        return null;
    }

    private double uniform(String key, int attempt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(
                    ByteBuffer.allocate(12).putLong(plan.seed()).putInt(attempt).array());
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(sha.digest()).getLong() >>> 11;
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Only the reply shapes count for a batch line: its transport is the output file, not an HTTP reply. */
    @Override
    public Optional<Kind> replyShape(byte[] lineBody) {
        return decide(lineBody).filter(ReplyShapes.KINDS::contains);
    }

    @Override
    public boolean refusesStructuredOutput() {
        return plan.refusesStructuredOutput();
    }

    @Override
    public boolean takeValidationFailure() {
        return take(validationFailures);
    }

    @Override
    public OptionalDouble takeExpiry() {
        return plan.expireAfter().isPresent() && take(expiries) ? plan.expireAfter() : OptionalDouble.empty();
    }

    @Override
    public boolean takeStuck() {
        return take(stalls);
    }

    @Override
    public double takeMissingShare() {
        return take(losses) ? plan.batchOutput().missing() : 0;
    }

    @Override
    public BatchOutputFaults output() {
        return plan.batchOutput();
    }

    private static boolean take(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0;
    }
}
