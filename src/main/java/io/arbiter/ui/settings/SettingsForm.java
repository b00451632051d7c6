package io.arbiter.ui.settings;

import io.arbiter.core.llm.ProviderSettings;
import io.arbiter.core.llm.StructuredOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The editable fields of one provider profile as the form shows them: text, so a half-typed number is not lost. */
public final class SettingsForm {

    final StringProperty name = new SimpleStringProperty("");
    final StringProperty baseUrl = new SimpleStringProperty("");
    final StringProperty apiKeyEnv = new SimpleStringProperty("");
    /** Whether the key comes from the OS keychain rather than the variable named in {@link #apiKeyEnv}. */
    final BooleanProperty fromKeychain = new SimpleBooleanProperty();

    final StringProperty baseModel = new SimpleStringProperty("");
    final StringProperty judgeModel = new SimpleStringProperty("");
    final StringProperty temperature = new SimpleStringProperty("");
    final StringProperty maxTokens = new SimpleStringProperty("");
    final StringProperty seed = new SimpleStringProperty("");
    final StringProperty concurrency = new SimpleStringProperty("");
    final StringProperty requestsPerMinute = new SimpleStringProperty("");
    final StringProperty tokensPerMinute = new SimpleStringProperty("");
    final BooleanProperty hasBatchApi = new SimpleBooleanProperty();
    final StringProperty baseInputPrice = new SimpleStringProperty("");
    final StringProperty baseOutputPrice = new SimpleStringProperty("");
    final StringProperty judgeInputPrice = new SimpleStringProperty("");
    final StringProperty judgeOutputPrice = new SimpleStringProperty("");
    final StringProperty requestTimeout = new SimpleStringProperty("");
    final StringProperty rowTimeout = new SimpleStringProperty("");
    final ObjectProperty<StructuredOutput> structuredOutput = new SimpleObjectProperty<>(StructuredOutput.AUTO);

    /** Set for the offline demo, whose URL is only known once its server runs. */
    private boolean offline;
    /** The profile's keychain entry: named after the profile when the keychain is first chosen, then kept on rename. */
    private String keychainEntry;

    /** Every field, for listening to any edit. */
    Observable[] fields() {
        return new Observable[] {
            name,
            baseUrl,
            apiKeyEnv,
            fromKeychain,
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
            requestTimeout,
            rowTimeout,
            structuredOutput
        };
    }

    void show(ProviderSettings s) {
        offline = s.offline();
        name.set(s.name());
        baseUrl.set(s.offline() ? "" : s.baseUrl());
        apiKeyEnv.set(s.apiKeyEnv() == null ? "" : s.apiKeyEnv());
        keychainEntry = s.keyFromKeychain() ? s.keychainEntry() : null;
        fromKeychain.set(s.keyFromKeychain());
        baseModel.set(nullToEmpty(s.baseModel()));
        judgeModel.set(nullToEmpty(s.judgeModel()));
        temperature.set(number(s.temperature()));
        maxTokens.set(Integer.toString(s.maxTokens()));
        seed.set(s.seed() == null ? "" : s.seed().toString());
        concurrency.set(Integer.toString(s.concurrency()));
        requestsPerMinute.set(s.requestsPerMinute() == 0 ? "" : Integer.toString(s.requestsPerMinute()));
        tokensPerMinute.set(s.tokensPerMinute() == 0 ? "" : Integer.toString(s.tokensPerMinute()));
        hasBatchApi.set(s.hasBatchApi());
        baseInputPrice.set(price(s.baseInputPrice()));
        baseOutputPrice.set(price(s.baseOutputPrice()));
        judgeInputPrice.set(price(s.judgeInputPrice()));
        judgeOutputPrice.set(price(s.judgeOutputPrice()));
        requestTimeout.set(seconds(s.requestTimeoutSeconds()));
        rowTimeout.set(seconds(s.rowTimeoutSeconds()));
        structuredOutput.set(s.structuredOutput());
    }

    /** The settings as typed, with the fields that are not numbers named in {@code problems}; null if any is not. */
    ProviderSettings read(List<String> problems) {
        List<String> before = new ArrayList<>(problems);
        double temp = decimal(temperature.get(), "Temperature", problems, 0.0);
        int max = whole(maxTokens.get(), "Max tokens", problems, 0, false);
        Integer seedValue =
                seed.get() == null || seed.get().isBlank() ? null : whole(seed.get(), "Seed", problems, 0, true);
        int conc = whole(concurrency.get(), "Concurrency", problems, 0, false);
        int rpm = whole(requestsPerMinute.get(), "Requests per minute", problems, 0, true);
        int tpm = whole(tokensPerMinute.get(), "Tokens per minute", problems, 0, true);
        Double bi = optionalPrice(baseInputPrice.get(), problems);
        Double bo = optionalPrice(baseOutputPrice.get(), problems);
        Double ji = optionalPrice(judgeInputPrice.get(), problems);
        Double jo = optionalPrice(judgeOutputPrice.get(), problems);
        Double requestSeconds = optionalSeconds(requestTimeout.get(), "Request timeout", problems);
        Double rowSeconds = optionalSeconds(rowTimeout.get(), "Row timeout", problems);
        if (problems.size() > before.size()) {
            return null;
        }
        // Only the chosen source is kept, so a variable name typed earlier cannot count against a keychain profile.
        String variable =
                fromKeychain.get() || apiKeyEnv.get() == null || apiKeyEnv.get().isBlank()
                        ? null
                        : apiKeyEnv.get().strip();
        if (fromKeychain.get() && (keychainEntry == null || keychainEntry.isBlank())) {
            keychainEntry = strip(name.get()).isEmpty() ? "profile" : strip(name.get());
        }
        String entry = fromKeychain.get() ? keychainEntry : null;
        return new ProviderSettings(
                strip(name.get()),
                offline ? null : strip(baseUrl.get()),
                variable,
                strip(baseModel.get()),
                strip(judgeModel.get()),
                temp,
                max,
                seedValue,
                conc,
                rpm,
                tpm,
                hasBatchApi.get(),
                bi,
                bo,
                ji,
                jo,
                entry,
                requestSeconds,
                rowSeconds,
                structuredOutput.get());
    }

    /** Seconds, or null (the default) when left empty. */
    private static Double optionalSeconds(String text, String what, List<String> problems) {
        String t = strip(text);
        if (t.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(t.replace(',', '.'));
            if (value > 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(what + " is a number of seconds above 0, such as 120; leave it empty for the default.");
        return null;
    }

    private static String seconds(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : Double.toString(value);
    }

    private static double decimal(String text, String what, List<String> problems, double fallback) {
        try {
            return Double.parseDouble(strip(text).replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(what + " must be a number, such as 0.7.");
            return fallback;
        }
    }

    private static int whole(String text, String what, List<String> problems, int fallback, boolean blankIsZero) {
        String t = strip(text).replace("_", "").replace(",", "");
        if (t.isEmpty() && blankIsZero) {
            return 0;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            problems.add(what + " must be a whole number.");
            return fallback;
        }
    }

    private static Double optionalPrice(String text, List<String> problems) {
        String t = strip(text);
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add("Prices are numbers per million tokens, such as 0.15; leave one empty when unknown.");
            return null;
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }

    private static String price(Double value) {
        return value == null ? "" : Double.toString(value);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
