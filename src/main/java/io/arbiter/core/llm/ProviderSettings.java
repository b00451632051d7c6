package io.arbiter.core.llm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
        Double rowTimeoutSeconds) {

    public static final double MAX_TEMPERATURE = 2.0;
    /** Why a base URL with a user name or password is refused; it never repeats the URL, which holds the password. */
    public static final String USER_INFO_REFUSED = "The base URL must not contain a user name or password "
            + "(user:password@host): Arbiter would keep and show it. Give the key through an environment variable "
            + "or the OS keychain instead";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int LOCAL_CONCURRENCY = 4;

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
                null);
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
                timeouts());
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

    private static boolean validTimeout(Double seconds) {
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
                rowSeconds);
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
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("Give the provider a name.");
        }
        if (!offline() && hasUserInfo(baseUrl)) {
            problems.add(USER_INFO_REFUSED + ".");
        } else if (!offline() && !isHttpUrl(baseUrl)) {
            problems.add("The base URL must start with http:// or https://, e.g. https://api.openai.com/v1.");
        }
        boolean fromVariable = needsKey() && !keyFromKeychain(); // a keychain entry is named by Arbiter, not typed
        if (fromVariable && !isEnvironmentName(apiKeyEnv.strip())) {
            // It may be a pasted key: say what is wrong without repeating it.
            problems.add("The key source must be the name of an environment variable (letters, digits and _, "
                    + "not starting with a digit), not the key itself.");
        } else if (fromVariable && looksLikeAKey(apiKeyEnv.strip())) {
            problems.add("The key source looks like a key rather than the name of the variable that holds it.");
        }
        if (baseModel == null || baseModel.isBlank()) {
            problems.add("Choose a base model.");
        }
        if (judgeModel == null || judgeModel.isBlank()) {
            problems.add("Choose a judge model.");
        }
        if (!(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
            problems.add("Temperature must be between 0 and 2.");
        }
        if (maxTokens < 1) {
            problems.add("Max tokens must be at least 1.");
        }
        if (concurrency < 1 || concurrency > ProviderProfile.MAX_CONCURRENCY) {
            problems.add("Concurrency must be 1 to " + ProviderProfile.MAX_CONCURRENCY + ".");
        }
        if (requestTimeoutSeconds != null && !validTimeout(requestTimeoutSeconds)
                || rowTimeoutSeconds != null && !validTimeout(rowTimeoutSeconds)) {
            problems.add("Timeouts must be a positive number of seconds; leave one empty for the default.");
        }
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            problems.add("Rate limits cannot be negative (0 means no limit).");
        }
        for (Double price : new Double[] {baseInputPrice, baseOutputPrice, judgeInputPrice, judgeOutputPrice}) {
            if (price != null && !(price >= 0)) {
                problems.add("Prices cannot be negative; leave a price empty when you do not know it.");
                break;
            }
        }
        return problems;
    }

    public boolean usable() {
        return problems().isEmpty();
    }

    /** The presets offered in Settings, offline first so a first run needs no key. */
    public static List<ProviderSettings> presets() {
        List<ProviderSettings> presets = new ArrayList<>();
        for (ProviderPreset preset : ProviderPreset.ALL) {
            presets.add(of(preset));
        }
        return List.copyOf(presets);
    }

    /** Settings for a preset, with the facts the preset itself does not carry. */
    public static ProviderSettings of(ProviderPreset preset) {
        boolean local = preset.baseUrl() != null && isLoopback(preset.baseUrl());
        // Cloud providers with an OpenAI-style Batch API; the offline server has one too. Local servers do not.
        boolean batch = !local;
        int concurrency = local ? LOCAL_CONCURRENCY : ProviderProfile.DEFAULT_CONCURRENCY;
        Double free = preset.offline() || local ? 0.0 : null;
        return new ProviderSettings(
                preset.name(),
                preset.baseUrl(),
                preset.apiKeyEnv(),
                preset.baseModel(),
                preset.judgeModel(),
                0.0,
                preset.offline() ? 64 : 256,
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
                rowTimeoutSeconds);
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
                rowTimeoutSeconds);
    }

    /** Whether the key source is a variable name and not, by the look of it, a pasted key; true when none is needed. */
    public boolean keySourceIsAName() {
        return !needsKey()
                || keyFromKeychain()
                || isEnvironmentName(apiKeyEnv.strip()) && !looksLikeAKey(apiKeyEnv.strip());
    }

    public static boolean isEnvironmentName(String text) {
        return text != null && IDENTIFIER.matcher(text).matches();
    }

    /** Long mixed-case-and-digit strings like gsk_3fA9… are keys, not variable names like GROQ_API_KEY. */
    public static boolean looksLikeAKey(String text) {
        return text.length() >= 32
                && text.chars().anyMatch(Character::isDigit)
                && text.chars().anyMatch(Character::isLowerCase);
    }

    /**
     * Whether a URL carries user info ({@code scheme://user:password@host}): read without parsing the whole URL, so a
     * malformed one is still caught, and never echoed.
     */
    public static boolean hasUserInfo(String url) {
        if (url == null) {
            return false;
        }
        String text = url.strip();
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = text.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = text.indexOf(stop, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return scheme >= 0 && text.substring(start, end).indexOf('@') >= 0;
    }

    static boolean isHttpUrl(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isLoopback(String url) {
        try {
            String host = URI.create(url).getHost();
            return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
