/** The Judge analysis tab: accuracies with intervals, the 2x2, agreement statistics, label confusion. */
package io.arbiter.ui.analysis;
