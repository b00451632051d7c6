package io.arbiter.ui.theme;

/** What the user chose in View > Theme: follow the OS, or always light, or always dark. */
public enum ThemeChoice {
    SYSTEM,
    LIGHT,
    DARK;

    /** Whether this choice shows the dark theme, given what the OS prefers. */
    public boolean dark(boolean osPrefersDark) {
        return this == DARK || (this == SYSTEM && osPrefersDark);
    }
}
