package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryingChatClientTest {

    private static final ChatRequest REQUEST = new ChatRequest("m", "sys", "user", 0.0, 16);
    private static final ChatReply OK = new ChatReply("Drama", new Usage(12, 1));
    private static final RetryPolicy POLICY =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(30));

    private final FakeTime time = new FakeTime();

    @Test
    void serverErrorsAreRetriedUntilAReply() throws ChatFailure {
        ScriptedChatClient fake = new ScriptedChatClient()
                .then(status(503))
                .then(status(500))
                .then(status(408))
                .then(status(409))
                .then(OK);

        assertSame(OK, client(fake, 1.0).complete(REQUEST));

        assertEquals(5, fake.calls);
        // Random at its maximum: the ceilings, doubling from the base and capped at the maximum.
        assertEquals(
                List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                time.sleeps);
    }

    @Test
    void backoffIsFullJitterWithinItsCeiling() {
        RetryingChatClient client = client(new ScriptedChatClient(), 0.25);

        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration delay = client.delayAfter(status(503), attempt);
            Duration ceiling = POLICY.backoffCeiling(attempt);
            assertEquals(ceiling.toNanos() / 4, delay.toNanos(), 1, "attempt " + attempt);
            assertTrue(ceiling.compareTo(POLICY.maxDelay()) <= 0);
        }
        assertEquals(Duration.ZERO, client(new ScriptedChatClient(), 0.0).delayAfter(status(503), 3));
    }

    @Test
    void givesUpAfterMaxAttemptsAndSaysSo() {
        ScriptedChatClient fake = new ScriptedChatClient();
        for (int i = 0; i < 10; i++) {
            fake.then(status(502));
        }

        ChatFailure failure =
                assertThrows(ChatFailure.class, () -> client(fake, 0.5).complete(REQUEST));

        assertEquals(POLICY.maxAttempts(), fake.calls);
        assertEquals(POLICY.maxAttempts() - 1, time.sleeps.size());
        assertTrue(failure.getMessage().contains("gave up after 5 attempts"), failure.getMessage());
        assertEquals(502, failure.statusCode().getAsInt());
    }

    @Test
    void retryAfterIsHonouredAndCapped() throws ChatFailure {
        ChatFailure asksSeven =
                ChatFailure.http("slow down", 429, "rate_limit_exceeded", Duration.ofSeconds(7), false, null);
        ChatFailure asksHour = ChatFailure.http("slow down", 429, null, Duration.ofHours(1), false, null);
        ScriptedChatClient fake =
                new ScriptedChatClient().then(asksSeven).then(asksHour).then(OK);

        assertSame(OK, client(fake, 0.0).complete(REQUEST));

        assertEquals(List.of(Duration.ofSeconds(7), POLICY.maxRetryAfter()), time.sleeps);
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() throws ChatFailure {
        ScriptedChatClient fake = new ScriptedChatClient().then(status(429)).then(OK);

        client(fake, 1.0).complete(REQUEST);

        assertEquals(2, fake.calls);
        assertEquals(List.of(Duration.ofMillis(500)), time.sleeps);
    }

    @Test
    void clientErrorsAreNeverRetried() {
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            ScriptedChatClient fake =
                    new ScriptedChatClient().then(status(status)).then(OK);

            ChatFailure failure =
                    assertThrows(ChatFailure.class, () -> client(fake, 1.0).complete(REQUEST));

            assertEquals(1, fake.calls, "status " + status);
            assertEquals(status, failure.statusCode().getAsInt());
        }
        assertTrue(time.sleeps.isEmpty());
    }

    @Test
    void insufficientQuotaStopsTheRunWithoutRetrying() {
        ChatFailure quota = ChatFailure.http(
                "The provider's quota is used up (429): You exceeded your current quota",
                429,
                "insufficient_quota",
                null,
                true,
                null);
        ScriptedChatClient fake = new ScriptedChatClient().then(quota).then(OK);

        ChatFailure failure =
                assertThrows(ChatFailure.class, () -> client(fake, 1.0).complete(REQUEST));

        assertEquals(1, fake.calls);
        assertTrue(failure.stopsRun());
        assertTrue(failure.getMessage().contains("You exceeded your current quota"));
    }

    @Test
    void networkErrorsAreRetriedButPlainFailuresAreNot() throws ChatFailure {
        ScriptedChatClient flaky = new ScriptedChatClient()
                .then(ChatFailure.transientIo("timeout", null))
                .then(OK);
        assertSame(OK, client(flaky, 0.0).complete(REQUEST));
        assertEquals(2, flaky.calls);

        ScriptedChatClient plain = new ScriptedChatClient()
                .then(new ChatFailure("no choices", false, null))
                .then(OK);
        assertThrows(ChatFailure.class, () -> client(plain, 0.0).complete(REQUEST));
        assertEquals(1, plain.calls);
    }

    @Test
    void interruptDuringBackoffEndsTheCallAndKeepsTheFlag() {
        ScriptedChatClient fake = new ScriptedChatClient().then(status(503)).then(OK);
        RetryingChatClient client = new RetryingChatClient(
                fake,
                POLICY,
                null,
                d -> {
                    throw new InterruptedException();
                },
                () -> 0.5);

        ChatFailure failure = assertThrows(ChatFailure.class, () -> client.complete(REQUEST));

        assertTrue(Thread.interrupted());
        assertFalse(failure.stopsRun());
        assertEquals(1, fake.calls);
    }

    @Test
    void rateLimiterSpacesRequestsAndLearnsFromUsage() throws ChatFailure {
        RateLimiter limiter = new RateLimiter(60, 0, time, time);
        RetryingChatClient client = new RetryingChatClient(new ScriptedChatClient(), POLICY, limiter, time, () -> 0.0);

        for (int i = 0; i < 4; i++) {
            client.complete(REQUEST);
        }

        assertEquals(Duration.ofSeconds(3), time.elapsed());
    }

    @Test
    void aRetryThatCannotFitInTheRowsBudgetIsNotSentAndTheErrorNamesBothSettings() {
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(120), Duration.ofSeconds(180));
        List<Duration> limits = new java.util.ArrayList<>();
        ChatClient silent = new LimitedAttempts() {
            @Override
            public ChatReply complete(ChatRequest request, Duration timeout) throws ChatFailure {
                limits.add(timeout);
                time.advance(timeout); // the server never answers: the whole limit goes by
                throw ChatFailure.timedOut("No answer within " + Timeouts.words(timeout), null);
            }
        };
        RetryingChatClient client = new RetryingChatClient(silent, POLICY.with(timeouts), null, time, () -> 0.0, time);

        ChatFailure failure = assertThrows(ChatFailure.class, () -> client.complete(REQUEST));

        // 120 s gone; 60 s left would allow a retry of at most 60 s, which is at least the 10 s minimum: sent.
        // Then 0 s left: no third attempt.
        assertEquals(List.of(Duration.ofSeconds(120), Duration.ofSeconds(60)), limits);
        assertTrue(time.elapsed().compareTo(timeouts.row()) <= 0, "the row ended within its budget: " + time.elapsed());
        assertTrue(
                failure.getMessage().contains("row's time budget of 180 s")
                        && failure.getMessage().contains("--row-timeout"),
                failure.getMessage());
    }

    @Test
    void quickFailuresAreRetriedInsideTheBudgetEachGivenWhatIsLeft() throws ChatFailure {
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(45));
        List<Duration> limits = new java.util.ArrayList<>();
        ScriptedChatClient script = new ScriptedChatClient().then(status(503)).then(OK);
        ChatClient recording = new LimitedAttempts() {
            @Override
            public ChatReply complete(ChatRequest request, Duration timeout) throws ChatFailure {
                limits.add(timeout);
                time.advance(Duration.ofSeconds(20));
                return script.complete(request);
            }
        };
        RetryingChatClient client =
                new RetryingChatClient(recording, POLICY.with(timeouts), null, time, () -> 0.0, time);

        assertSame(OK, client.complete(REQUEST));

        // The first attempt may take the whole request timeout; the retry only the 25 s left of the row's 45.
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(25)), limits);
    }

    /** A client that must be called with each attempt's time limit, as the retrying client does. */
    private abstract static class LimitedAttempts implements ChatClient {
        @Override
        public ChatReply complete(ChatRequest request) {
            throw new AssertionError("the retrying client passes each attempt its time limit");
        }

        @Override
        public List<String> models() {
            return List.of();
        }

        @Override
        public void close() {}
    }

    private RetryingChatClient client(ChatClient fake, double random) {
        return new RetryingChatClient(fake, POLICY, null, time, () -> random);
    }

    private static ChatFailure status(int status) {
        return ChatFailure.http("The provider answered " + status, status, null, null, false, null);
    }
}
