/**
 * The domain, free of any toolkit: datasets, prompts, provider calls, runs, verdicts, metrics, reviews, projects, the
 * project file and exports. Both faces (workbench and command line) and the tests use it alike; nothing here imports
 * JavaFX, the UI, the CLI or the offline server.
 */
package io.arbiter.core;
