/**
 * Prompt templates with {@code {{Column}}}, {@code {{labels}}}, {@code {{base_answer}}} and {@code {{examples}}}
 * placeholders: checked against a dataset, rendered per row (split into system and user message at a {@code [user]}
 * line), and compared word by word between two versions.
 */
package io.arbiter.core.prompt;
