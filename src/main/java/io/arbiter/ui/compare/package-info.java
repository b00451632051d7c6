/** The Compare tab: two runs side by side, prompt changes marked, metric deltas, the rows whose verdict flipped. */
package io.arbiter.ui.compare;
