/** The Row pane: one row as rendered for both models, their raw replies, what was parsed, tokens and errors. */
package io.arbiter.ui.detail;
