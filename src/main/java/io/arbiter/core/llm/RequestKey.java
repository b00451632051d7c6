package io.arbiter.core.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a chat request, for the response cache and the response ledger: SHA-256 over a canonical,
 * length-prefixed serialisation of the base URL, model, temperature, reply limit, system and user message, and the
 * {@code response_format}, the seed and a juror's own provider when there are. The same request gives the same key in every run and every JVM; any
 * change in any of them gives another key, so a structured reply and a plain text one are never mixed up.
 */
public final class RequestKey {

    /** Bumped whenever the serialisation changes, so old keys can never collide with new ones. */
    private static final String VERSION = "arbiter-request-key-v1";

    private RequestKey() {}

    /**
     * The last key this thread worked out: a realtime worker asks for the same request's key twice in a row, for the
     * response cache and for the run's ledger, and each is a SHA-256 over the whole prompt (7% of a worker's CPU at
     * concurrency 256 under C1, which has no SHA-256 intrinsic; docs/PERFORMANCE.md). Matched by identity: a request
     * is immutable, and an equal one built anew is simply worked out again.
     */
    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private record Last(String baseUrl, ChatRequest request, String key) {}

    public static String of(String baseUrl, ChatRequest request) {
        Last last = LAST.get();
        if (last != null && last.request() == request && Objects.equals(last.baseUrl(), baseUrl)) {
            return last.key();
        }
        String key = workedOut(baseUrl, request);
        LAST.set(new Last(baseUrl, request, key));
        return key;
    }

    private static String workedOut(String baseUrl, ChatRequest request) {
        MessageDigest digest = sha256();
        field(digest, VERSION);
        field(digest, normalizeUrl(baseUrl));
        field(digest, request.model());
        // Bits, not Double.toString: its output changed between JDK releases for some values.
        double temperature = request.temperature() == 0.0 ? 0.0 : request.temperature(); // -0.0 is 0.0
        field(digest, Long.toHexString(Double.doubleToLongBits(temperature)));
        field(digest, Integer.toString(request.maxTokens()));
        field(digest, request.system());
        field(digest, request.user());
        // Only when asked for: a plain request keeps the key it had before response formats, and a cache with it.
        // Appended fields cannot collide with a plain key, which ends after the user message.
        if (request.outputSchema() != null) {
            field(digest, "response_format");
            field(digest, request.outputSchema().responseFormatText());
        }
        // A repeat's seed is what tells it from the first judgement of the same prompt: without it, a repeat at
        // temperature 0 would be served the first one's reply from the cache.
        if (request.seed() != null) {
            field(digest, "seed");
            field(digest, Integer.toString(request.seed()));
        }
        // A juror on another provider: the same model and prompt there is another answer, never the run provider's.
        if (request.route() != null) {
            field(digest, "route");
            field(digest, normalizeUrl(request.route()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A trailing slash does not make another provider. */
    private static String normalizeUrl(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        String url = baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    /** Length-prefixed so ("ab", "c") and ("a", "bc") differ, and null differs from "". */
    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(new byte[] {'N'});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 'S');
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
