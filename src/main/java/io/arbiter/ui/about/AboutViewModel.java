package io.arbiter.ui.about;

import io.arbiter.core.llm.ProviderSettingsStore;
import io.arbiter.core.project.ArbiterBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the About box says, one fact a line: the version and the build it came from, the licence, the folder Arbiter
 * keeps its settings in, and the Java and JavaFX running it. Pasted into a bug report, {@link #asText()} says which
 * Arbiter it is about.
 */
public final class AboutViewModel {

    /** No LICENSE file is in the repository yet; the box says so rather than guess one. */
    static final String LICENCE = "not stated yet (the repository has no LICENSE file)";

    /** One line of the box. */
    public record Fact(String name, String value) {}

    private final List<Fact> facts;

    /** The About box of the build running now, with the data folder the provider settings live in. */
    public AboutViewModel() {
        this(ArbiterBuild.current(), ProviderSettingsStore.forUser().file().getParent(), System.getProperties());
    }

    AboutViewModel(ArbiterBuild build, Path dataFolder, java.util.Properties system) {
        this.facts = List.of(
                new Fact("Version", build.version()),
                new Fact("Build", "commit " + build.commit() + ", built " + build.date()),
                new Fact("Licence", LICENCE),
                new Fact("Data folder", String.valueOf(dataFolder)),
                new Fact(
                        "Java",
                        system.getProperty("java.runtime.version", system.getProperty("java.version", "unknown")) + " ("
                                + system.getProperty("java.vendor", "unknown vendor") + ")"),
                new Fact(
                        "JavaFX",
                        system.getProperty("javafx.runtime.version", system.getProperty("javafx.version", "unknown"))));
    }

    /** The box's title line: "Arbiter 0.1.0". */
    public String title() {
        return "Arbiter " + facts.get(0).value();
    }

    public List<Fact> facts() {
        return facts;
    }

    /** Every fact as "Name: value" lines, for the clipboard. */
    public String asText() {
        return title() + "\n"
                + facts.stream().map(f -> f.name() + ": " + f.value()).collect(Collectors.joining("\n"));
    }
}
