package io.arbiter.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Families read from model names as providers spell them. */
class ModelFamilyTest {

    @Test
    void namesAsProvidersSpellThem() {
        Map<String, ModelFamily> names = Map.ofEntries(
                Map.entry("gpt-4o-mini", ModelFamily.OPENAI),
                Map.entry("openai/gpt-4.1", ModelFamily.OPENAI),
                Map.entry("ft:gpt-4o-mini-2024-07-18:acme::abc123", ModelFamily.OPENAI),
                Map.entry("o1-preview", ModelFamily.OPENAI),
                Map.entry("gpt2-xl", ModelFamily.OPENAI),
                Map.entry("o3", ModelFamily.OPENAI),
                Map.entry("o4-mini", ModelFamily.OPENAI),
                Map.entry("chatgpt-4o-latest", ModelFamily.OPENAI),
                Map.entry("meta-llama/Llama-3.1-70B-Instruct", ModelFamily.LLAMA),
                Map.entry("llama3.1:8b", ModelFamily.LLAMA),
                Map.entry("Qwen/Qwen2.5-72B-Instruct", ModelFamily.QWEN),
                Map.entry("mistral-large-latest", ModelFamily.MISTRAL),
                Map.entry("mixtral-8x7b", ModelFamily.MISTRAL),
                Map.entry("gemini-1.5-pro", ModelFamily.GOOGLE),
                Map.entry("google/gemma-2-9b-it", ModelFamily.GOOGLE),
                Map.entry("claude-3-5-sonnet-20241022", ModelFamily.CLAUDE),
                Map.entry("anthropic/claude-3-haiku", ModelFamily.CLAUDE),
                Map.entry("deepseek-chat", ModelFamily.DEEPSEEK),
                Map.entry("deepseek-r1-distill-llama-70b", ModelFamily.DEEPSEEK),
                Map.entry("microsoft/Phi-3-mini-4k-instruct", ModelFamily.PHI),
                Map.entry("phi4", ModelFamily.PHI),
                Map.entry("command-r-plus", ModelFamily.COHERE),
                Map.entry("offline-demo-judge-2", ModelFamily.OFFLINE),
                Map.entry("offline-demo", ModelFamily.OFFLINE));
        names.forEach((name, family) -> assertEquals(Optional.of(family), ModelFamily.of(name), name));
    }

    @Test
    void unknownNamesHaveNoFamily() {
        for (String name : new String[] {"", "  ", "my-model", "delphi-7b", "solar-10.7b", "o2-mini", "gptq-4bit"}) {
            assertEquals(Optional.empty(), ModelFamily.of(name), name);
        }
        assertEquals(Optional.empty(), ModelFamily.of(null));
    }

    @Test
    void sharedFamily() {
        assertTrue(ModelFamily.shared("gpt-4o", "o3-mini"));
        assertFalse(ModelFamily.shared("gpt-4o", "claude-3-haiku"));
        assertFalse(ModelFamily.shared("my-model", "my-model"));
        assertEquals("google", ModelFamily.GOOGLE.id());
    }
}
