/** The label list beside the table: every truth label with its count, renamed or merged before a run. */
package io.arbiter.ui.labels;
