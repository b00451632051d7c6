/**
 * The embedded OpenAI-compatible server on 127.0.0.1: models, chat completions, files and batches, answered by a small
 * deterministic demo classifier (not an LLM) that also writes short support replies and grades answers against a
 * reference on a rubric scale, with fault plans that make every failure path testable and counters
 * that let tests prove nothing was lost or paid twice. Never imports the UI or the CLI.
 */
package io.arbiter.offline;
