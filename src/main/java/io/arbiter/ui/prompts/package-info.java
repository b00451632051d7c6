/** The base and judge prompt editors, with placeholders checked and a per-row preview. */
package io.arbiter.ui.prompts;
