/** The Runs tab: every run of the project with its figures, a trend chart, rename, note, delete and compare. */
package io.arbiter.ui.runs;
