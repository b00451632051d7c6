/** The Results tab: every row with its answers and verdicts, filters and presets, and keyboard review. */
package io.arbiter.ui.results;
