package io.arbiter.core.run;

import java.time.Duration;

/**
 * Requests out longer than the run's notice threshold, so a slow or silent provider shows on screen as what it is:
 * "waiting on 16 requests, longest 45 s". Zero requests means nothing is waiting any more.
 */
public record Waiting(int requests, Duration longest) {

    public static final Waiting NONE = new Waiting(0, Duration.ZERO);

    public boolean any() {
        return requests > 0;
    }

    /** E.g. "waiting on 16 requests, longest 45 s"; empty when nothing waits. */
    public String describe() {
        if (requests == 0) {
            return "";
        }
        return "waiting on " + requests + (requests == 1 ? " request" : " requests") + ", longest "
                + Age.words(longest);
    }
}
