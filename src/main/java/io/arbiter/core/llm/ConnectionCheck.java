package io.arbiter.core.llm;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Test connection": asks a provider for its model list ({@code GET /models}) and says in plain words whether it is
 * reachable, whether it took the key, and what it serves. Blocks for up to the timeout: call off the FX thread.
 */
public final class ConnectionCheck {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final int MODELS_NAMED = 8;

    private ConnectionCheck() {}

    public static ConnectionReport run(ProviderSettings settings, String baseUrl) {
        return run(settings, baseUrl, ApiKeys.system(), DEFAULT_TIMEOUT);
    }

    /** As {@link #run(ProviderSettings, String, ApiKeys, Duration)}, with keys from {@code environment} or the OS keychain. */
    public static ConnectionReport run(
            ProviderSettings settings, String baseUrl, Map<String, String> environment, Duration timeout) {
        return run(settings, baseUrl, new ApiKeys(environment, OsKeychain.shared()), timeout);
    }

    /**
     * @param baseUrl where to ask: the settings' own URL, or the running offline server's for the demo profile
     * @param keys    where the key is found, to say it is missing before anything is sent
     */
    public static ConnectionReport run(ProviderSettings settings, String baseUrl, ApiKeys keys, Duration timeout) {
        if (baseUrl == null || !ProviderInput.isHttpUrl(baseUrl)) {
            return failed(
                    false,
                    ConnectionReport.Key.UNTRIED,
                    "There is no base URL to test; give one that starts with http:// or https://.");
        }
        if (settings.needsKey() && !settings.keyFromKeychain()) {
            String variable = settings.apiKeyEnv().strip();
            if (!settings.keySourceIsAName()) {
                return failed(
                        false,
                        ConnectionReport.Key.MISSING,
                        "The key source is not an environment variable "
                                + "name, so no key was sent; give the name of the variable that holds the key.");
            }
            if (keys.state(settings) != ApiKeys.KeyState.SET) {
                return failed(
                        false,
                        ConnectionReport.Key.MISSING,
                        "The key is read from $" + variable
                                + ", which is not set in Arbiter's environment. Set it before starting Arbiter, then test again.");
            }
        }
        ProviderProfile profile;
        try {
            profile = settings.profile(baseUrl);
        } catch (IllegalArgumentException e) {
            return failed(false, ConnectionReport.Key.UNTRIED, e.getMessage() + ".");
        }
        String key;
        try {
            key = keys.keyFor(profile);
        } catch (ChatFailure e) {
            return failed(false, ConnectionReport.Key.MISSING, e.getMessage() + " No request was sent.");
        }
        List<String> models;
        try {
            models = listModels(profile, key, timeout);
        } catch (TimeoutException e) {
            return failed(
                    false,
                    ConnectionReport.Key.UNTRIED,
                    "No answer from " + baseUrl + " within " + timeout.toSeconds()
                            + " seconds; the server may be busy, or a firewall may be swallowing requests.");
        } catch (ChatFailure e) {
            return explain(e, profile, baseUrl);
        }
        return reached(settings, baseUrl, models);
    }

    private static List<String> listModels(ProviderProfile profile, String key, Duration timeout)
            throws ChatFailure, TimeoutException {
        ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
            Thread t = new Thread(work, "arbiter-connection-check");
            t.setDaemon(true);
            return t;
        });
        // No SDK retries: a check should say what happened on the first try, not minutes later.
        try (OpenAiChatClient client = new OpenAiChatClient(profile, key, 0)) {
            Future<List<String>> call = thread.submit(client::models);
            try {
                return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ChatFailure failure) {
                    throw failure;
                }
                throw new ChatFailure("Unexpected error: " + ProviderErrors.rootMessage(e), false, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted");
            } finally {
                call.cancel(true);
            }
        } finally {
            thread.shutdownNow();
        }
    }

    private static ConnectionReport explain(ChatFailure e, ProviderProfile profile, String baseUrl) {
        int status = e.statusCode().orElse(0);
        if (status == 401) {
            String message = profile.needsKey()
                    ? "Reached " + baseUrl + ", but it refused the API key (401) read from "
                            + ApiKeys.whereFrom(profile) + ". Check that it holds a current key for this provider."
                    : "Reached " + baseUrl + ", but it refused the API key (401): it wants a key, and none is "
                            + "configured. Name the environment variable that holds it.";
            return failed(true, ConnectionReport.Key.REFUSED, message);
        }
        if (status == 403) {
            return failed(
                    true,
                    ConnectionReport.Key.REFUSED,
                    "Reached " + baseUrl + ", but the key has no access to the model list (403).");
        }
        if (status == 404) {
            return failed(
                    true,
                    ConnectionReport.Key.UNTRIED,
                    "Something answers at " + baseUrl
                            + ", but it has no model list there (404); check the URL, which usually ends in /v1.");
        }
        if (status != 0) {
            return failed(
                    true,
                    ConnectionReport.Key.UNTRIED,
                    "Reached " + baseUrl + ", but it answered with an error: " + e.getMessage());
        }
        if (causedBy(e, ConnectException.class)) {
            return failed(
                    false,
                    ConnectionReport.Key.UNTRIED,
                    "Nothing listens at " + baseUrl
                            + " (connection refused). Is the server running, and on that port?");
        }
        if (causedBy(e, UnknownHostException.class)) {
            return failed(
                    false,
                    ConnectionReport.Key.UNTRIED,
                    "The host in " + baseUrl + " could not be found; check the spelling and the network connection.");
        }
        if (causedBy(e, InterruptedIOException.class)) {
            return failed(
                    false,
                    ConnectionReport.Key.UNTRIED,
                    "No answer from " + baseUrl
                            + " in time; the server may be busy, or a firewall may be swallowing requests.");
        }
        return failed(false, ConnectionReport.Key.UNTRIED, e.getMessage());
    }

    private static ConnectionReport reached(ProviderSettings settings, String baseUrl, List<String> models) {
        ConnectionReport.Key key =
                settings.needsKey() ? ConnectionReport.Key.ACCEPTED : ConnectionReport.Key.NOT_NEEDED;
        StringBuilder message = new StringBuilder("Reached ")
                .append(baseUrl)
                .append("; ")
                .append(key == ConnectionReport.Key.ACCEPTED ? "the key was accepted" : "no key needed")
                .append("; ");
        if (models.isEmpty()) {
            message.append("it lists no models.");
        } else {
            message.append(models.size())
                    .append(models.size() == 1 ? " model: " : " models: ")
                    .append(String.join(", ", models.subList(0, Math.min(MODELS_NAMED, models.size()))))
                    .append(models.size() > MODELS_NAMED ? "…" : ".");
        }
        List<String> warnings = new ArrayList<>();
        if (!models.isEmpty()) {
            warnIfMissing(warnings, "base", settings.baseModel(), models);
            if (settings.judgeModel() == null || !settings.judgeModel().equals(settings.baseModel())) {
                warnIfMissing(warnings, "judge", settings.judgeModel(), models);
            }
        }
        return new ConnectionReport(true, key, models, message.toString(), warnings);
    }

    private static void warnIfMissing(List<String> warnings, String role, String model, List<String> models) {
        if (model != null && !model.isBlank() && !models.contains(model.strip())) {
            warnings.add("⚠ The " + role + " model '" + model.strip() + "' is not in the provider's list.");
        }
    }

    private static ConnectionReport failed(boolean reachable, ConnectionReport.Key key, String message) {
        return new ConnectionReport(reachable, key, List.of(), message, List.of());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
