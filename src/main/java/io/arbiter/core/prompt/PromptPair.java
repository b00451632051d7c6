package io.arbiter.core.prompt;

/** The two prompts of a run: the model under test, and the judge that grades its answers. */
public record PromptPair(PromptTemplate base, PromptTemplate judge) {

    public static PromptPair of(String baseText, String judgeText) {
        return new PromptPair(new PromptTemplate(baseText), new PromptTemplate(judgeText));
    }
}
