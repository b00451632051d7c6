/**
 * The command line ({@code arbiter run | runs | compare | label-next | batch-export | batch-import | inspect | metrics | serve}):
 * picocli commands over the same core services as the workbench. Exit statuses are documented in
 * {@link io.arbiter.cli.ArbiterCli}. Never imports the UI.
 */
package io.arbiter.cli;
