package io.arbiter.core.store;

import java.time.Instant;

/** One base and judge prompt pair as it was run; saved once per distinct content. */
public record PromptVersion(long id, String baseText, String judgeText, Instant createdAt) {}
