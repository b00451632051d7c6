/** The run bar: Run, Cancel, Retry, the mode, the two progress bars and the run message. */
package io.arbiter.ui.progress;
