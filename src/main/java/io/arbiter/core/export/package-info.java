/**
 * What leaves Arbiter as files: the results CSV (safe against formula injection in spreadsheets), the metrics JSON, a
 * judged CSV read back for {@code arbiter metrics}, and the run-problem keys the CLI and the project share.
 */
package io.arbiter.core.export;
