/**
 * A run: the request for each row and stage, the engine that sends them (realtime with bounded concurrency, or through
 * the Batch API), the ledger every outcome is written to as it arrives and a resumed run reads back, progress and
 * waiting events, cancellation, and the accounting of every batch line. The engine works on its own threads, tells a
 * {@link io.arbiter.core.run.RunListener} on them, and never blocks the caller of {@code start}.
 */
package io.arbiter.core.run;
