package io.arbiter.core.llm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether a provider profile asks the judge for a JSON reply through {@code response_format}: {@link #AUTO} asks and
 * falls back to plain text when the provider refuses the parameter (remembering that, see
 * {@link StructuredOutputRefusals}); {@link #ON} always asks, so a refusal is the row's error; {@link #OFF} never does.
 */
public enum StructuredOutput {
    AUTO("auto", "Auto"),
    ON("on", "On"),
    OFF("off", "Off");

    private final String key;
    private final String title;

    StructuredOutput(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** How the settings file, the project file and {@code --structured-output} spell it. */
    @JsonValue
    public String key() {
        return key;
    }

    /** How Settings shows it. */
    public String title() {
        return title;
    }

    /** The title, so a choice box lists "Auto", "On", "Off" without a converter. */
    @Override
    public String toString() {
        return title;
    }

    /** {@code auto}, {@code on} or {@code off}, in any case; anything else is refused, naming the choices. */
    public static StructuredOutput parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (StructuredOutput mode : values()) {
            if (mode.key.equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Structured output is auto, on or off, not '" + text + "'");
    }

    /**
     * The setting as a saved file holds it: missing (a file from before the setting) or unknown (a newer version's)
     * reads as {@link #AUTO}, so one odd value never costs the user the whole file.
     */
    @JsonCreator
    public static StructuredOutput readOrAuto(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return AUTO;
        }
    }
}
