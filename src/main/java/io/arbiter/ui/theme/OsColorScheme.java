package io.arbiter.ui.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the OS prefers a dark look, read from the desktop's own setting: JavaFX 21 has no
 * {@code Platform.Preferences} (that came in 22). GNOME's {@code color-scheme} through {@code gsettings}, macOS's
 * {@code AppleInterfaceStyle} through {@code defaults}, Windows' {@code AppsUseLightTheme} through {@code reg}. Runs a
 * process: call off the FX thread. Anything unreadable, missing or slow is light.
 */
public final class OsColorScheme {

    private static final long TIMEOUT_MILLIS = 1500;
    static final List<String> GNOME = List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
    static final List<String> MAC = List.of("defaults", "read", "-g", "AppleInterfaceStyle");
    static final List<String> WINDOWS = List.of(
            "reg",
            "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
            "/v",
            "AppsUseLightTheme");

    private OsColorScheme() {}

    /** Whether this machine's desktop asks for dark; false where it cannot be read. */
    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return windowsPrefersDark(output(WINDOWS));
        }
        if (os.startsWith("mac")) {
            return macPrefersDark(output(MAC));
        }
        return gnomePrefersDark(output(GNOME));
    }

    /** {@code 'prefer-dark'} (quoted, as gsettings prints a string) is dark; {@code 'default'}, anything else light. */
    static boolean gnomePrefersDark(String output) {
        return output.strip().replace("'", "").equals("prefer-dark");
    }

    /** {@code Dark} when dark; in light mode the key is absent and defaults prints an error instead. */
    static boolean macPrefersDark(String output) {
        return output.strip().equalsIgnoreCase("dark");
    }

    /** The {@code AppsUseLightTheme REG_DWORD 0x0} line means dark; 0x1, or no such line, light. */
    static boolean windowsPrefersDark(String output) {
        return output.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("AppsUseLightTheme"))
                .map(line -> line.split("\\s+"))
                .anyMatch(parts -> parts.length == 3
                        && parts[1].equals("REG_DWORD")
                        && parts[2].toLowerCase(Locale.ROOT).matches("0x0+"));
    }

    /** What the command printed, or nothing when it is missing, fails or takes too long. */
    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "";
            }
            // The answer is one short line, so the pipe never fills before the process ends.
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? text : "";
        } catch (IOException e) {
            return ""; // no such command on this desktop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
