package io.arbiter.core.store;

import java.time.Instant;

/** A run as the project file remembers it: its spec (as JSON, holding no secret) and how far it got. */
public record StoredRun(long id, Instant createdAt, String specJson, String status) {}
