package io.arbiter.offline;

/** A deterministic token count in the spirit of OpenAI's rule of thumb: about four tokens per three words. */
final class TokenEstimate {

    private TokenEstimate() {}

    static long of(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        long words = trimmed.split("\\s+").length;
        return (words * 4 + 2) / 3;
    }
}
