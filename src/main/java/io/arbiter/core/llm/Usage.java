package io.arbiter.core.llm;

/** Tokens a provider reports for one reply. */
public record Usage(long promptTokens, long completionTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }

    public Usage minus(Usage other) {
        return new Usage(promptTokens - other.promptTokens, completionTokens - other.completionTokens);
    }

    public long total() {
        return promptTokens + completionTokens;
    }
}
