package io.arbiter.ui.theme;

/** The theme on screen: the light or the dark variant of the same look. */
public enum Palette {
    LIGHT,
    DARK
}
