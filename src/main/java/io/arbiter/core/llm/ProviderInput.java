package io.arbiter.core.llm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user types for a provider — a base URL, where the key comes from, numbers — checked for the mistakes that
 * would fail later or leak a secret, with a message in plain words that never repeats a secret.
 */
public final class ProviderInput {

    /** Why a base URL with a user name or password is refused; it never repeats the URL, which holds the password. */
    public static final String USER_INFO_REFUSED = "The base URL must not contain a user name or password "
            + "(user:password@host): Arbiter would keep and show it. Give the key through an environment variable "
            + "or the OS keychain instead";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ProviderInput() {}

    /** The problems that keep {@code s} from being saved or used, in plain words; empty when there are none. */
    static List<String> problems(ProviderSettings s) {
        List<String> problems = new ArrayList<>();
        if (s.name() == null || s.name().isBlank()) {
            problems.add("Give the provider a name.");
        }
        if (!s.offline() && hasUserInfo(s.baseUrl())) {
            problems.add(USER_INFO_REFUSED + ".");
        } else if (!s.offline() && !isHttpUrl(s.baseUrl())) {
            problems.add("The base URL must start with http:// or https://, e.g. https://api.openai.com/v1.");
        }
        boolean fromVariable = s.needsKey() && !s.keyFromKeychain(); // a keychain entry is named by Arbiter, not typed
        if (fromVariable && !isEnvironmentName(s.apiKeyEnv().strip())) {
            // It may be a pasted key: say what is wrong without repeating it.
            problems.add("The key source must be the name of an environment variable (letters, digits and _, "
                    + "not starting with a digit), not the key itself.");
        } else if (fromVariable && looksLikeAKey(s.apiKeyEnv().strip())) {
            problems.add("The key source looks like a key rather than the name of the variable that holds it.");
        }
        if (s.baseModel() == null || s.baseModel().isBlank()) {
            problems.add("Choose a base model.");
        }
        if (s.judgeModel() == null || s.judgeModel().isBlank()) {
            problems.add("Choose a judge model.");
        }
        if (!(s.temperature() >= 0 && s.temperature() <= ProviderSettings.MAX_TEMPERATURE)) {
            problems.add("Temperature must be between 0 and 2.");
        }
        if (s.maxTokens() < 1) {
            problems.add("Max tokens must be at least 1.");
        }
        if (s.concurrency() < 1 || s.concurrency() > ProviderProfile.MAX_CONCURRENCY) {
            problems.add("Concurrency must be 1 to " + ProviderProfile.MAX_CONCURRENCY + ".");
        }
        if (s.requestTimeoutSeconds() != null && !ProviderSettings.validTimeout(s.requestTimeoutSeconds())
                || s.rowTimeoutSeconds() != null && !ProviderSettings.validTimeout(s.rowTimeoutSeconds())) {
            problems.add("Timeouts must be a positive number of seconds; leave one empty for the default.");
        }
        if (s.requestsPerMinute() < 0 || s.tokensPerMinute() < 0) {
            problems.add("Rate limits cannot be negative (0 means no limit).");
        }
        for (Double price :
                new Double[] {s.baseInputPrice(), s.baseOutputPrice(), s.judgeInputPrice(), s.judgeOutputPrice()}) {
            if (price != null && !(price >= 0)) {
                problems.add("Prices cannot be negative; leave a price empty when you do not know it.");
                break;
            }
        }
        return problems;
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

    static boolean isLoopback(String url) {
        try {
            String host = URI.create(url).getHost();
            return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
