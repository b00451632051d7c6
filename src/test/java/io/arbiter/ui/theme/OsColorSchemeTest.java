package io.arbiter.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading each desktop's dark setting from what its command prints (outputs copied from the tools' own answers). */
class OsColorSchemeTest {

    @Test
    void gnomeIsDarkOnlyWhenItPrefersDark() {
        assertTrue(OsColorScheme.gnomePrefersDark("'prefer-dark'\n"));
        assertFalse(OsColorScheme.gnomePrefersDark("'default'\n"));
        assertFalse(OsColorScheme.gnomePrefersDark("'prefer-light'\n"));
        assertFalse(OsColorScheme.gnomePrefersDark(""));
        assertFalse(OsColorScheme.gnomePrefersDark("No such key “color-scheme”\n"));
    }

    @Test
    void macIsDarkWhenTheInterfaceStyleSaysDark() {
        assertTrue(OsColorScheme.macPrefersDark("Dark\n"));
        // In light mode the key is absent; the failed command's output is never handed over, but if it were:
        assertFalse(OsColorScheme.macPrefersDark(
                "The domain/default pair of (kCFPreferencesAnyApplication, AppleInterfaceStyle) does not exist"));
        assertFalse(OsColorScheme.macPrefersDark(""));
    }

    @Test
    void windowsIsDarkWhenAppsDoNotUseTheLightTheme() {
        String key = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n";
        assertTrue(OsColorScheme.windowsPrefersDark(key + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n"));
        assertFalse(OsColorScheme.windowsPrefersDark(key + "    AppsUseLightTheme    REG_DWORD    0x1\r\n\r\n"));
        assertFalse(OsColorScheme.windowsPrefersDark(key + "    SystemUsesLightTheme    REG_DWORD    0x0\r\n"));
        assertFalse(OsColorScheme.windowsPrefersDark(""));
    }

    @Test
    void aChoiceIsDarkWhenAskedOrWhenTheOsIsAndSystemIsChosen() {
        assertTrue(ThemeChoice.DARK.dark(false));
        assertFalse(ThemeChoice.LIGHT.dark(true));
        assertTrue(ThemeChoice.SYSTEM.dark(true));
        assertFalse(ThemeChoice.SYSTEM.dark(false));
    }

    @Test
    void theChoiceIsKeptAndAnUnreadableFileIsSystem(@TempDir Path dir) throws IOException {
        ThemeStore store = ThemeStore.inDirectory(dir.resolve("config"));
        assertEquals(ThemeChoice.SYSTEM, store.load());
        store.save(ThemeChoice.DARK);
        assertEquals(
                ThemeChoice.DARK, ThemeStore.inDirectory(dir.resolve("config")).load());

        Files.writeString(dir.resolve("config").resolve(ThemeStore.FILE_NAME), "{not json");
        assertEquals(ThemeChoice.SYSTEM, store.load());
    }
}
