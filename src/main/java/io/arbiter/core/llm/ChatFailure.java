package io.arbiter.core.llm;

/**
 * A request that did not produce a reply, said in plain words.
 * {@code stopsRun} is set when every further request would fail the same way (a refused key, an unknown model,
 * a provider nobody answers at), so a run stops instead of failing each row in turn.
 */
public final class ChatFailure extends Exception {

    private final boolean stopsRun;

    public ChatFailure(String message, boolean stopsRun, Throwable cause) {
        super(message, cause);
        this.stopsRun = stopsRun;
    }

    public boolean stopsRun() {
        return stopsRun;
    }
}
