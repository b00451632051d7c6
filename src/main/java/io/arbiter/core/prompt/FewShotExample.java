package io.arbiter.core.prompt;

/**
 * A reviewed row promoted into the judge prompt as a worked example through {{examples}}.
 *
 * @param row                the dataset row it comes from; it is left out of every metric afterwards
 * @param baseAnswer         the base answer the judge is shown for it
 * @param baseRight          whether the reviewer found that answer right
 * @param expectedPrediction the label the judge should name itself for the row
 */
public record FewShotExample(int row, String baseAnswer, boolean baseRight, String expectedPrediction) {}
