/**
 * A project as both faces use it: the dataset copy, mapping, prompts and provider saved in one file, every run recorded
 * and described, a run's rows rebuilt from its stored responses, run summaries and comparisons.
 */
package io.arbiter.core.project;
