package io.arbiter.core.llm;

import java.util.List;
import java.util.Map;

/**
 * Everything the user sets for one provider in Settings, as saved in the user's config file. The key is never held
 * here, only where it is read from: an environment variable's name, or the name of an OS keychain entry.
 *
 * @param name              what the user calls it
 * @param baseUrl           the API root; null for the offline demo model, whose server starts on demand
 * @param apiKeyEnv         the environment variable holding the key; null or blank when the provider takes none
 * @param seed              sent with every request when given, for providers that honour it
 * @param requestsPerMinute 0 for no limit
 * @param tokensPerMinute   0 for no limit
 * @param hasBatchApi       whether the provider offers OpenAI's Batch API (files + batches)
 * @param baseInputPrice    price per million input tokens of the base model; null when unknown (same for the rest)
 * @param keychainEntry     the OS keychain entry holding the key when it comes from there; null when it does not
 * @param requestTimeoutSeconds the longest one request may take; null for the default ({@link Timeouts#DEFAULT})
 * @param rowTimeoutSeconds the longest one row may take over its retries; null for the default
 * @param structuredOutput  whether the judge is asked for JSON through {@code response_format}; a file saved before
 *                          the setting reads as auto
 */
public record ProviderSettings(
        String name,
        String baseUrl,
        String apiKeyEnv,
        String baseModel,
        String judgeModel,
        double temperature,
        int maxTokens,
        Integer seed,
        int concurrency,
        int requestsPerMinute,
        int tokensPerMinute,
        boolean hasBatchApi,
        Double baseInputPrice,
        Double baseOutputPrice,
        Double judgeInputPrice,
        Double judgeOutputPrice,
        String keychainEntry,
        Double requestTimeoutSeconds,
        Double rowTimeoutSeconds,
        StructuredOutput structuredOutput) {

    public static final double MAX_TEMPERATURE = 2.0;

    public ProviderSettings {
        structuredOutput = structuredOutput == null ? StructuredOutput.AUTO : structuredOutput;
    }

    /** Settings with the default timeouts. */
    public ProviderSettings(
            String name,
            String baseUrl,
            String apiKeyEnv,
            String baseModel,
            String judgeModel,
            double temperature,
            int maxTokens,
            Integer seed,
            int concurrency,
            int requestsPerMinute,
            int tokensPerMinute,
            boolean hasBatchApi,
            Double baseInputPrice,
            Double baseOutputPrice,
            Double judgeInputPrice,
            Double judgeOutputPrice,
            String keychainEntry) {
        this(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                seed,
                concurrency,
                requestsPerMinute,
                tokensPerMinute,
                hasBatchApi,
                baseInputPrice,
                baseOutputPrice,
                judgeInputPrice,
                judgeOutputPrice,
                keychainEntry,
                null,
                null,
                StructuredOutput.AUTO);
    }

    /** Settings whose key, if any, comes from an environment variable. */
    public ProviderSettings(
            String name,
            String baseUrl,
            String apiKeyEnv,
            String baseModel,
            String judgeModel,
            double temperature,
            int maxTokens,
            Integer seed,
            int concurrency,
            int requestsPerMinute,
            int tokensPerMinute,
            boolean hasBatchApi,
            Double baseInputPrice,
            Double baseOutputPrice,
            Double judgeInputPrice,
            Double judgeOutputPrice) {
        this(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                seed,
                concurrency,
                requestsPerMinute,
                tokensPerMinute,
                hasBatchApi,
                baseInputPrice,
                baseOutputPrice,
                judgeInputPrice,
                judgeOutputPrice,
                null);
    }

    /** The API root for a request: the given one for the offline demo, whose port is only known once it runs. */
    public ProviderProfile profile(String resolvedBaseUrl) {
        String variable = keyFromKeychain() || !needsKey() ? null : apiKeyEnv.strip();
        return new ProviderProfile(
                name,
                resolvedBaseUrl,
                variable,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keyFromKeychain() ? keychainEntry.strip() : null,
                prices(),
                timeouts(),
                structuredOutput);
    }

    /** The timeouts these settings ask for, the default where one is not set (or not valid). */
    public Timeouts timeouts() {
        double request = validTimeout(requestTimeoutSeconds)
                ? requestTimeoutSeconds
                : Timeouts.DEFAULT.request().toMillis() / 1000.0;
        double row = validTimeout(rowTimeoutSeconds)
                ? rowTimeoutSeconds
                : Timeouts.DEFAULT.row().toMillis() / 1000.0;
        return Timeouts.ofSeconds(request, row);
    }

    static boolean validTimeout(Double seconds) {
        return seconds != null && seconds > 0 && !seconds.isInfinite();
    }

    /** The same settings with other timeouts; null for the default. */
    public ProviderSettings withTimeouts(Double requestSeconds, Double rowSeconds) {
        return new ProviderSettings(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                seed,
                concurrency,
                requestsPerMinute,
                tokensPerMinute,
                hasBatchApi,
                baseInputPrice,
                baseOutputPrice,
                judgeInputPrice,
                judgeOutputPrice,
                keychainEntry,
                requestSeconds,
                rowSeconds,
                structuredOutput);
    }

    public TokenPrices prices() {
        return new TokenPrices(baseInputPrice, baseOutputPrice, judgeInputPrice, judgeOutputPrice);
    }

    public boolean offline() {
        return baseUrl == null;
    }

    public boolean needsKey() {
        return keyFromKeychain() || apiKeyEnv != null && !apiKeyEnv.isBlank();
    }

    /** Whether the key is read from the OS keychain; the variable name is then not used. */
    public boolean keyFromKeychain() {
        return keychainEntry != null && !keychainEntry.isBlank();
    }

    /** Whether the key variable is set in {@code environment}; true when no key is needed, false for a keychain key. */
    public boolean keyAvailable(Map<String, String> environment) {
        if (!needsKey()) {
            return true;
        }
        if (keyFromKeychain() || !keySourceIsAName()) {
            return false;
        }
        String value = environment.get(apiKeyEnv.strip());
        return value != null && !value.isBlank();
    }

    /** The problems that keep these settings from being saved or used, in plain words; empty when there are none. */
    public List<String> problems() {
        return ProviderInput.problems(this);
    }

    public boolean usable() {
        return problems().isEmpty();
    }

    /** The presets offered in Settings, offline first so a first run needs no key. */
    public static List<ProviderSettings> presets() {
        return ProviderPreset.ALL.stream().map(ProviderPreset::settings).toList();
    }

    /** Settings for a preset, with the facts the preset itself does not carry. */
    public static ProviderSettings of(ProviderPreset preset) {
        return preset.settings();
    }

    /** The same settings under another name, e.g. for "Duplicate". */
    public ProviderSettings withName(String newName) {
        return new ProviderSettings(
                newName,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                seed,
                concurrency,
                requestsPerMinute,
                tokensPerMinute,
                hasBatchApi,
                baseInputPrice,
                baseOutputPrice,
                judgeInputPrice,
                judgeOutputPrice,
                keychainEntry,
                requestTimeoutSeconds,
                rowTimeoutSeconds,
                structuredOutput);
    }

    /**
     * A copy under another name. A key kept in the OS keychain is not shared: the copy gets an entry of its own
     * (its name), so storing or removing one profile's key never touches the other's.
     */
    public ProviderSettings copyNamed(String newName) {
        return new ProviderSettings(
                newName,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                seed,
                concurrency,
                requestsPerMinute,
                tokensPerMinute,
                hasBatchApi,
                baseInputPrice,
                baseOutputPrice,
                judgeInputPrice,
                judgeOutputPrice,
                keyFromKeychain() ? newName : null,
                requestTimeoutSeconds,
                rowTimeoutSeconds,
                structuredOutput);
    }

    /** Whether the key source is a variable name and not, by the look of it, a pasted key; true when none is needed. */
    public boolean keySourceIsAName() {
        return !needsKey()
                || keyFromKeychain()
                || ProviderInput.isEnvironmentName(apiKeyEnv.strip())
                        && !ProviderInput.looksLikeAKey(apiKeyEnv.strip());
    }
}
