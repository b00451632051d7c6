/**
 * The human side of a review: verdicts on base answers with who and when, notes, undo, and the rows promoted as worked
 * examples for the judge prompt.
 */
package io.arbiter.core.review;
