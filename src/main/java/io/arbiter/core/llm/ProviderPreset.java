package io.arbiter.core.llm;

import java.util.List;

/**
 * A provider the workbench knows how to reach, with models to start from. The offline preset has no URL until its
 * embedded server is started.
 *
 * @param baseUrl   null for the offline demo model
 * @param apiKeyEnv the environment variable the key is read from; null when the provider takes none
 */
public record ProviderPreset(String name, String baseUrl, String apiKeyEnv, String baseModel, String judgeModel) {

    /** A local server shares the machine with the app: fewer requests at once than a cloud provider takes. */
    private static final int LOCAL_CONCURRENCY = 4;

    public static final String OFFLINE_NAME = "Offline demo model";

    public static final ProviderPreset OFFLINE =
            new ProviderPreset(OFFLINE_NAME, null, null, "offline-demo-base", "offline-demo-judge");

    /** The presets offered in the workbench, offline first so a first run needs no key. */
    public static final List<ProviderPreset> ALL = List.of(
            OFFLINE,
            new ProviderPreset("OpenAI", "https://api.openai.com/v1", "OPENAI_API_KEY", "gpt-4o-mini", "gpt-4o"),
            new ProviderPreset(
                    "kluster.ai",
                    "https://api.kluster.ai/v1",
                    "KLUSTER_API_KEY",
                    "klusterai/Meta-Llama-3.1-8B-Instruct-Turbo",
                    "klusterai/Meta-Llama-3.3-70B-Instruct-Turbo"),
            new ProviderPreset(
                    "Groq",
                    "https://api.groq.com/openai/v1",
                    "GROQ_API_KEY",
                    "llama-3.1-8b-instant",
                    "llama-3.3-70b-versatile"),
            new ProviderPreset(
                    "Together",
                    "https://api.together.xyz/v1",
                    "TOGETHER_API_KEY",
                    "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
                    "meta-llama/Llama-3.3-70B-Instruct-Turbo"),
            new ProviderPreset("Ollama (local)", "http://localhost:11434/v1", null, "llama3.1:8b", "llama3.3:70b"),
            new ProviderPreset("LM Studio (local)", "http://localhost:1234/v1", null, "local-model", "local-model"),
            new ProviderPreset("vLLM server (local)", "http://localhost:8000/v1", null, "base-model", "judge-model"));

    public boolean offline() {
        return baseUrl == null;
    }

    /** Settings for this preset, with the facts the preset itself does not carry. */
    public ProviderSettings settings() {
        boolean local = baseUrl != null && ProviderInput.isLoopback(baseUrl);
        // Cloud providers with an OpenAI-style Batch API; the offline server has one too. Local servers do not.
        boolean batch = !local;
        int concurrency = local ? LOCAL_CONCURRENCY : ProviderProfile.DEFAULT_CONCURRENCY;
        Double free = offline() || local ? 0.0 : null;
        return new ProviderSettings(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                0.0,
                offline() ? 64 : 256,
                null,
                concurrency,
                0,
                0,
                batch,
                free,
                free,
                free,
                free);
    }

    /** The profile for this preset with the models the user chose. */
    public ProviderProfile profile(String url, String base, String judge, int concurrency) {
        return new ProviderProfile(name, url, apiKeyEnv, base, judge, 0.0, 256, concurrency);
    }

    @Override
    public String toString() {
        return name;
    }
}
