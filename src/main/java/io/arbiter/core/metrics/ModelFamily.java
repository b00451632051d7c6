package io.arbiter.core.metrics;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The family a model comes from, read from its name, for the self-preference probe: a judge may favour answers from
 * its own family (Zheng et al. 2023). Read from the name's last path segment ("openrouter/anthropic/claude-3.5" →
 * "claude-3.5"), lower-cased, a fine-tune's "ft:" prefix dropped; a distilled model counts as its maker's
 * ("deepseek-r1-distill-llama-70b" is DeepSeek). Unknown names have no family.
 */
public enum ModelFamily {
    OPENAI("openai"),
    LLAMA("llama"),
    QWEN("qwen"),
    MISTRAL("mistral"),
    GOOGLE("google"),
    CLAUDE("claude"),
    DEEPSEEK("deepseek"),
    PHI("phi"),
    COHERE("cohere"),
    OFFLINE("offline");

    private static final Pattern OPENAI_NAME = Pattern.compile("^(gpt|chatgpt)([-.0-9]|$)|^o[134]([-.]|$)");
    private static final Pattern PHI_NAME = Pattern.compile("(^|[^a-z])phi([-.0-9]|$)");
    private static final Pattern COHERE_NAME = Pattern.compile("(^|[^a-z])command([-.]|$)|cohere");

    private final String id;

    ModelFamily(String id) {
        this.id = id;
    }

    /** The family's name as shown and exported: "openai", "llama", … */
    public String id() {
        return id;
    }

    /** The family of a model by its name; empty when the name says nothing known. */
    public static Optional<ModelFamily> of(String modelName) {
        if (modelName == null || modelName.isBlank()) {
            return Optional.empty();
        }
        String name = modelName.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("ft:")) {
            name = name.substring(3);
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        // Order matters: a distill names both its maker and its base ("deepseek-r1-distill-qwen"), the maker first.
        if (name.startsWith("offline-demo")) {
            return Optional.of(OFFLINE);
        }
        if (name.contains("deepseek")) {
            return Optional.of(DEEPSEEK);
        }
        if (name.contains("claude")) {
            return Optional.of(CLAUDE);
        }
        if (name.contains("gemini") || name.contains("gemma")) {
            return Optional.of(GOOGLE);
        }
        if (name.contains("qwen") || name.contains("qwq")) {
            return Optional.of(QWEN);
        }
        if (name.contains("llama")) {
            return Optional.of(LLAMA);
        }
        if (name.contains("mistral")
                || name.contains("mixtral")
                || name.contains("codestral")
                || name.contains("pixtral")) {
            return Optional.of(MISTRAL);
        }
        if (PHI_NAME.matcher(name).find()) {
            return Optional.of(PHI);
        }
        if (COHERE_NAME.matcher(name).find()) {
            return Optional.of(COHERE);
        }
        if (OPENAI_NAME.matcher(name).find()) {
            return Optional.of(OPENAI);
        }
        return Optional.empty();
    }

    /** True when both models have a known family and it is the same. */
    public static boolean shared(String a, String b) {
        Optional<ModelFamily> family = of(a);
        return family.isPresent() && family.equals(of(b));
    }
}
