package io.arbiter.cli;

import io.arbiter.core.llm.ApiKeys;
import io.arbiter.core.llm.ChatFailure;
import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.run.JudgePanel;
import io.arbiter.core.run.JurorProvider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where jurors named {@code model@profile} find their provider: the saved profiles of the workbench's Providers…
 * ({@code providers.json}), or the file {@code --providers-file} names. Each is checked before anything is recorded
 * or sent: a profile that is not saved, whose key cannot be read, or without a Batch API in a batch run, is bad input
 * that names the juror.
 */
final class JurorProfiles {

    @Option(
            names = "--providers-file",
            paramLabel = "FILE",
            description = "Saved provider profiles that jurors named model@profile in --judge-model come from"
                    + " (default: the providers.json Providers… saves, under $ARBITER_CONFIG_DIR when set).")
    Path providersFile;

    /**
     * {@code panel} (after the provider's {@code judgeModel}) with the profiles its jurors name resolved and their
     * keys checked; as it is when none. In a batch run each juror's votes go to its own provider's Batch API.
     */
    JudgePanel resolve(JudgePanel panel, String judgeModel) {
        if (JudgePanel.profileOf(judgeModel) != null && saved().stream().anyMatch(named(judgeModel))) {
            throw new CliFailure(
                    "--judge-model: the first judge, " + judgeModel + ", is the run's provider's own; put jurors on"
                            + " other providers (model@profile) after it",
                    ArbiterCli.BAD_INPUT);
        }
        if (!panel.otherProviders()) {
            return panel;
        }
        List<ProviderSettings> saved = saved();
        Map<String, JurorProvider> resolved = new LinkedHashMap<>();
        for (String juror : panel.otherJurors()) {
            String name = JudgePanel.profileOf(juror);
            if (name == null || resolved.containsKey(name)) {
                continue;
            }
            ProviderSettings settings = saved.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new CliFailure(
                            "juror " + juror + ": no saved provider profile is named '" + name + "' in "
                                    + store().file() + " (saved: "
                                    + String.join(
                                            ", ",
                                            saved.stream()
                                                    .map(ProviderSettings::name)
                                                    .toList()) + ")",
                            ArbiterCli.BAD_INPUT));
            JurorProvider provider;
            try {
                provider = JurorProvider.of(settings);
                ApiKeys.system().keyFor(provider.profile());
            } catch (IllegalArgumentException | ChatFailure e) {
                throw new CliFailure("juror " + juror + ": " + e.getMessage(), ArbiterCli.BAD_INPUT);
            }
            resolved.put(name, provider);
        }
        return panel.withProviders(resolved);
    }

    /**
     * A batch run sends each juror's votes to its own provider's Batch API: a juror on a profile without one (a local
     * server, say) is bad input, said before anything is recorded, uploaded or paid for.
     */
    static void refuseWithoutBatchApi(JudgePanel panel) {
        panel.jurorWithoutBatchApi().ifPresent(juror -> {
            throw new CliFailure(
                    "juror " + juror + ": the provider profile '" + JudgePanel.profileOf(juror) + "' has no Batch API,"
                            + " so its votes cannot go in a batch; run with --mode realtime, or put the juror on a"
                            + " profile that has one",
                    ArbiterCli.BAD_INPUT);
        });
    }

    private static java.util.function.Predicate<ProviderSettings> named(String juror) {
        return s -> s.name().equals(JudgePanel.profileOf(juror));
    }

    private List<ProviderSettings> saved() {
        ProviderSettingsStore.Loaded loaded = store().load();
        if (loaded.problem() != null) {
            throw new CliFailure(loaded.problem(), ArbiterCli.BAD_INPUT);
        }
        return loaded.providers();
    }

    private ProviderSettingsStore store() {
        return providersFile != null ? new ProviderSettingsStore(providersFile) : ProviderSettingsStore.forUser();
    }
}
