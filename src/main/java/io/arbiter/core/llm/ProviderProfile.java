package io.arbiter.core.llm;

/**
 * Where and how to reach an OpenAI-compatible provider. The key is never held here, only where it is read from (an
 * environment variable's name or an OS keychain entry's), so a profile can be saved, logged and shown without
 * leaking it.
 *
 * @param name          what the user calls it, e.g. "OpenAI" or "Offline demo model"
 * @param baseUrl       the API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1
 * @param apiKeyEnv     the environment variable holding the key; null or blank for providers that need none
 * @param baseModel     the model under test
 * @param judgeModel    the model that grades the base answers
 * @param temperature   sampling temperature sent with every request
 * @param maxTokens     reply length limit sent with every request
 * @param concurrency   how many requests may be in flight at once
 * @param keychainEntry the OS keychain entry holding the key, when it comes from there rather than a variable
 * @param prices        what the base and judge models cost, so a run can be priced when it ends; never null
 * @param timeouts      how long a request and a row may take; never null
 * @param structuredOutput whether the judge is asked for JSON through {@code response_format}; never null (auto)
 */
public record ProviderProfile(
        String name,
        String baseUrl,
        String apiKeyEnv,
        String baseModel,
        String judgeModel,
        double temperature,
        int maxTokens,
        int concurrency,
        String keychainEntry,
        TokenPrices prices,
        Timeouts timeouts,
        StructuredOutput structuredOutput) {

    public static final int DEFAULT_CONCURRENCY = 16;
    public static final int MAX_CONCURRENCY = 512;

    public ProviderProfile {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("Concurrency must be 1 to " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("Max tokens must be at least 1, not " + maxTokens);
        }
        // Every request, saved project and message starts from a profile: a password in the URL stops here.
        if (ProviderInput.hasUserInfo(baseUrl)) {
            throw new IllegalArgumentException(ProviderInput.USER_INFO_REFUSED);
        }
        prices = prices == null ? TokenPrices.UNKNOWN : prices;
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        structuredOutput = structuredOutput == null ? StructuredOutput.AUTO : structuredOutput;
    }

    /** A profile that asks for structured output where the provider allows it ({@link StructuredOutput#AUTO}). */
    public ProviderProfile(
            String name,
            String baseUrl,
            String apiKeyEnv,
            String baseModel,
            String judgeModel,
            double temperature,
            int maxTokens,
            int concurrency,
            String keychainEntry,
            TokenPrices prices,
            Timeouts timeouts) {
        this(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                prices,
                timeouts,
                StructuredOutput.AUTO);
    }

    /** A profile with the default timeouts. */
    public ProviderProfile(
            String name,
            String baseUrl,
            String apiKeyEnv,
            String baseModel,
            String judgeModel,
            double temperature,
            int maxTokens,
            int concurrency,
            String keychainEntry,
            TokenPrices prices) {
        this(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                prices,
                Timeouts.DEFAULT);
    }

    /** A profile whose key, if any, comes from an environment variable, and whose prices are unknown. */
    public ProviderProfile(
            String name,
            String baseUrl,
            String apiKeyEnv,
            String baseModel,
            String judgeModel,
            double temperature,
            int maxTokens,
            int concurrency) {
        this(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                null,
                TokenPrices.UNKNOWN);
    }

    /** A profile whose prices are unknown. */
    public ProviderProfile(
            String name,
            String baseUrl,
            String apiKeyEnv,
            String baseModel,
            String judgeModel,
            double temperature,
            int maxTokens,
            int concurrency,
            String keychainEntry) {
        this(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                TokenPrices.UNKNOWN);
    }

    /** A profile whose key, if any, comes from an environment variable. */
    public ProviderProfile(
            String name,
            String baseUrl,
            String apiKeyEnv,
            String baseModel,
            String judgeModel,
            double temperature,
            int maxTokens,
            int concurrency,
            TokenPrices prices) {
        this(name, baseUrl, apiKeyEnv, baseModel, judgeModel, temperature, maxTokens, concurrency, null, prices);
    }

    public ProviderProfile withPrices(TokenPrices newPrices) {
        return new ProviderProfile(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                newPrices,
                timeouts,
                structuredOutput);
    }

    public ProviderProfile withTimeouts(Timeouts newTimeouts) {
        return new ProviderProfile(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                prices,
                newTimeouts,
                structuredOutput);
    }

    public ProviderProfile withStructuredOutput(StructuredOutput mode) {
        return new ProviderProfile(
                name,
                baseUrl,
                apiKeyEnv,
                baseModel,
                judgeModel,
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                prices,
                timeouts,
                mode);
    }

    public boolean needsKey() {
        return keyFromKeychain() || apiKeyEnv != null && !apiKeyEnv.isBlank();
    }

    /** Whether the key is read from the OS keychain; the variable name is then not used. */
    public boolean keyFromKeychain() {
        return keychainEntry != null && !keychainEntry.isBlank();
    }
}
