package io.arbiter.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void textAboveTheUserMarkerIsTheSystemMessage() {
        PromptTemplate t = new PromptTemplate("Pick one of {{labels}}.\n[user]\nMovie: {{Overview}}\n");
        RenderedPrompt r = t.render(Map.of("labels", "Comedy, Drama", "Overview", "Two friends…"), "unused");
        assertEquals("Pick one of Comedy, Drama.", r.system());
        assertEquals("Movie: Two friends…", r.user());
        assertTrue(t.hasUserPart());
    }

    @Test
    void withoutAMarkerTheWholeTextIsSystemAndTheDefaultUserIsSent() {
        PromptTemplate t = new PromptTemplate("Classify the genre.");
        RenderedPrompt r = t.render(Map.of(), "A heist in Lisbon.");
        assertEquals("Classify the genre.", r.system());
        assertEquals("A heist in Lisbon.", r.user());
        assertFalse(t.hasUserPart());
    }

    @Test
    void aMarkerInsideALineIsNotASeparator() {
        PromptTemplate t = new PromptTemplate("Write [user] nowhere.");
        assertFalse(t.hasUserPart());
    }

    @Test
    void placeholdersAreListedOnceInOrderAndToleratePadding() {
        PromptTemplate t = new PromptTemplate("{{ Overview }} {{labels}} {{Overview}} {{base_answer}}");
        assertEquals(List.of("Overview", "labels", "base_answer"), List.copyOf(t.placeholders()));
    }

    @Test
    void valuesWithDollarSignsAndBackslashesAreInsertedLiterally() {
        PromptTemplate t = new PromptTemplate("Say {{x}}");
        assertEquals("Say $1 \\n", t.render(Map.of("x", "$1 \\n"), "").system());
    }

    @Test
    void everyPlaceholderIsFilledAndTheTextAroundThemKept() {
        PromptTemplate t = new PromptTemplate("{{ Overview }} or {{Overview}}: {{labels}}.\n[user]\n{{labels}}{{x}}");
        RenderedPrompt r = t.render(Map.of("Overview", "A heist", "labels", "Crime, Drama"), "unused");
        assertEquals("A heist or A heist: Crime, Drama.", r.system());
        assertEquals("Crime, Drama{{x}}", r.user());
    }

    @Test
    void aPlaceholderWithoutValueStaysVisible() {
        PromptTemplate t = new PromptTemplate("Answer: \"{{base_answer}}\"");
        assertEquals("Answer: \"{{base_answer}}\"", t.render(Map.of(), "").system());
    }
}
