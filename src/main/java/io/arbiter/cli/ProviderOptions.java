package io.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.arbiter.core.llm.ProviderInput;
import io.arbiter.core.llm.ProviderProfile;
import io.arbiter.core.llm.StructuredOutput;
import io.arbiter.core.llm.Timeouts;
import io.arbiter.core.llm.TokenPrices;
import io.arbiter.core.project.Project;
import io.arbiter.core.project.RunRecorder;
import io.arbiter.offline.OfflineProvider;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@link RunInputsCommand} that choose the provider and how it is asked (URL, key source, models,
 * sampling, concurrency), and what a re-run of a project's stored provider keeps of it.
 */
final class ProviderOptions {

    /** The provider stored in the project when its configuration is re-run; null otherwise. */
    private ProviderProfile storedProvider;

    /** The prices a re-run of a project's stored provider keeps; the command line gives none. */
    TokenPrices prices = TokenPrices.UNKNOWN;

    /** The timeouts a re-run of a project's stored provider keeps, unless flags say otherwise. */
    Timeouts storedTimeouts = Timeouts.DEFAULT;

    /** Whether the judge is asked for JSON: --structured-output, else the stored provider's, else auto. */
    StructuredOutput structuredOutput = StructuredOutput.AUTO;

    @Option(
            names = "--provider",
            defaultValue = RunRecorder.OFFLINE,
            description =
                    "'offline' for the embedded demo model, or an OpenAI-compatible base URL such as https://api.openai.com/v1.")
    String provider;

    @Option(
            names = "--api-key-env",
            description =
                    "Environment variable that holds the API key (the key itself is never passed on the command line).")
    String apiKeyEnv;

    @Option(
            names = "--api-key-keychain",
            paramLabel = "ENTRY",
            description =
                    "OS keychain entry (service Arbiter) that holds the API key, as stored under Providers…; instead of --api-key-env.")
    String keychainEntry;

    @Option(names = "--base-model", description = "Model under test (required with a base URL).")
    String baseModel;

    @Option(
            names = "--judge-model",
            description = "Judge model (required with a base URL); several, comma separated, judge as a jury whose"
                    + " verdict is their majority.")
    String judgeModel;

    @Option(
            names = "--concurrency",
            description =
                    "Requests in flight at once, 1 to 512 (default: the project's stored run options when re-running them, else 16).")
    Integer givenConcurrency;

    /** The concurrency in force: --concurrency, else the stored one when re-running a project, else 16. */
    int concurrency = ProviderProfile.DEFAULT_CONCURRENCY;

    @Option(
            names = "--temperature",
            defaultValue = "0",
            description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(
            names = "--max-tokens",
            defaultValue = "256",
            description = "Reply length limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(
            names = "--structured-output",
            paramLabel = "auto|on|off",
            description = "Ask the judge for JSON through response_format: auto (the default; plain text when the "
                    + "provider refuses it), on (a refusal is the row's error) or off.")
    String givenStructuredOutput;

    /** The checks that need no file: made before the project is opened, so a bad flag creates nothing. */
    void check() {
        // A password in the URL must not reach a file or a message: refused before anything echoes --provider.
        if (provider != null && ProviderInput.hasUserInfo(provider)) {
            throw new CliFailure("--provider: " + ProviderInput.USER_INFO_REFUSED, ArbiterCli.BAD_INPUT);
        }
        // A key pasted where its variable's or keychain entry's name belongs must not reach a file or a message.
        if (apiKeyEnv != null
                && (!ProviderInput.isEnvironmentName(apiKeyEnv.strip())
                        || ProviderInput.looksLikeAKey(apiKeyEnv.strip()))) {
            throw new CliFailure(
                    "--api-key-env takes the name of the environment variable that holds the key "
                            + "(e.g. OPENAI_API_KEY), not the key itself",
                    ArbiterCli.BAD_INPUT);
        }
        if (keychainEntry != null && ProviderInput.looksLikeAKey(keychainEntry.strip())) {
            throw new CliFailure(
                    "--api-key-keychain takes the name of the keychain entry (the provider profile's "
                            + "name), not the key itself",
                    ArbiterCli.BAD_INPUT);
        }
        if (apiKeyEnv != null && keychainEntry != null) {
            throw new CliFailure("Give --api-key-env or --api-key-keychain, not both", ArbiterCli.BAD_INPUT);
        }
        if (givenStructuredOutput != null) {
            try {
                structuredOutput = StructuredOutput.parse(givenStructuredOutput);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(
                        "--structured-output is auto, on or off, not '" + givenStructuredOutput + "'",
                        ArbiterCli.BAD_INPUT);
            }
        }
        if (givenConcurrency != null) {
            if (givenConcurrency < 1 || givenConcurrency > ProviderProfile.MAX_CONCURRENCY) {
                throw new CliFailure("--concurrency must be 1 to 512, not " + givenConcurrency, ArbiterCli.BAD_INPUT);
            }
            concurrency = givenConcurrency;
        }
    }

    /** The concurrency stored in the project's run options, unless --concurrency was given. */
    void useStoredConcurrency(Project opened, JsonNode options) {
        JsonNode stored = options.get("concurrency");
        if (givenConcurrency == null && stored != null && stored.canConvertToInt()) {
            if (stored.asInt() < 1 || stored.asInt() > ProviderProfile.MAX_CONCURRENCY) {
                throw new CliFailure(
                        opened.file() + " stores a concurrency of " + stored.asInt()
                                + ", not 1 to 512; give --concurrency",
                        ArbiterCli.BAD_INPUT);
            }
            concurrency = stored.asInt();
        }
    }

    /** Takes the provider a project stores, for a re-run of its configuration; a key source given here wins. */
    void useStored(ProviderProfile stored) {
        storedProvider = stored;
        provider = stored.baseUrl();
        if (apiKeyEnv == null && keychainEntry == null) { // e.g. a variable in CI
            apiKeyEnv = stored.apiKeyEnv();
            keychainEntry = stored.keychainEntry();
        }
        baseModel = stored.baseModel();
        judgeModel = stored.judgeModel();
        temperature = stored.temperature();
        maxTokens = stored.maxTokens();
        prices = stored.prices();
        storedTimeouts = stored.timeouts();
        if (givenStructuredOutput == null) {
            structuredOutput = stored.structuredOutput();
        }
    }

    /** Takes the jurors a re-run's project stores beside its judge model: the jury is the stored one, in order. */
    void useStoredJurors(List<String> otherJurors) {
        if (!otherJurors.isEmpty()) {
            judgeModel = judgeModel + "," + String.join(",", otherJurors);
        }
    }

    /**
     * The judge models {@code --judge-model} names, in order: one, or a jury's; {@code fallback} (the profile's judge
     * model) when none is given.
     */
    List<String> jurors(String fallback) {
        if (judgeModel == null || judgeModel.isBlank()) {
            return List.of(fallback);
        }
        List<String> models = Arrays.stream(judgeModel.split(","))
                .map(String::strip)
                .filter(m -> !m.isEmpty())
                .toList();
        if (models.isEmpty()) {
            throw new CliFailure("--judge-model names no model: '" + judgeModel + "'", ArbiterCli.BAD_INPUT);
        }
        return models;
    }

    /** The first judge model {@code --judge-model} names; null when none. */
    private String firstJudge() {
        return judgeModel == null ? null : jurors(null).get(0);
    }

    boolean isOffline() {
        return provider.equalsIgnoreCase(RunRecorder.OFFLINE);
    }

    ProviderProfile remoteProfile() {
        if (ProviderInput.hasUserInfo(provider)) {
            throw new CliFailure("--provider: " + ProviderInput.USER_INFO_REFUSED, ArbiterCli.BAD_INPUT);
        }
        if (!provider.startsWith("http://") && !provider.startsWith("https://")) {
            throw new CliFailure(
                    "--provider must be 'offline' or a base URL starting with http:// or https://, not '" + provider
                            + "'",
                    ArbiterCli.BAD_INPUT);
        }
        if (baseModel == null || judgeModel == null) {
            throw new CliFailure(
                    "--base-model and --judge-model are required with --provider " + provider, ArbiterCli.BAD_INPUT);
        }
        return new ProviderProfile(
                provider,
                provider,
                apiKeyEnv,
                baseModel,
                firstJudge(),
                temperature,
                maxTokens,
                concurrency,
                keychainEntry,
                prices,
                storedTimeouts,
                structuredOutput);
    }

    /**
     * The offline demo's profile: its server's URL and models, with the models, temperature and max tokens the
     * project stores when its configuration is re-run (as the workbench ran it); free of charge.
     */
    ProviderProfile offlineProfile(OfflineProvider offline) {
        ProviderProfile demo = offline.profile();
        ProviderProfile kept = storedProvider;
        ProviderProfile profile = kept == null
                ? demo
                : new ProviderProfile(
                        demo.name(),
                        demo.baseUrl(),
                        null,
                        kept.baseModel(),
                        kept.judgeModel(),
                        kept.temperature(),
                        kept.maxTokens(),
                        demo.concurrency());
        if (kept == null && (judgeModel != null || temperature != demo.temperature())) {
            // The demo's judges by name (e.g. a jury of them), and a temperature its judges honour with a seed.
            profile = new ProviderProfile(
                    demo.name(),
                    demo.baseUrl(),
                    null,
                    demo.baseModel(),
                    judgeModel == null ? demo.judgeModel() : firstJudge(),
                    temperature,
                    demo.maxTokens(),
                    demo.concurrency());
        }
        return profile.withPrices(TokenPrices.FREE).withStructuredOutput(structuredOutput);
    }

    /** The offline server's port changes every run, its answers do not: key its cache by name. */
    String identity(ProviderProfile profile) {
        return isOffline() ? RunRecorder.OFFLINE : profile.baseUrl();
    }
}
