/**
 * Arbiter: a workbench and command line for evaluating language models with an LLM as a judge, and for judging the
 * judge. {@link io.arbiter.Main} starts the workbench with no arguments and the command line with any. The packages
 * form one chain: {@code core.*} (no JavaFX) under {@code offline} and {@code cli} under {@code ui.*}; see
 * docs/ARCHITECTURE.md, and ArchitectureTest, which keeps it so.
 */
package io.arbiter;
