package io.arbiter.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * Puts the palette on screen as the application's user agent stylesheet (AtlantaFX Primer, light or dark), so every
 * window and dialog follows it; arbiter.css sits on top and takes its colours from the theme's variables. FX thread.
 */
public final class ThemeStylesheet {

    private ThemeStylesheet() {}

    /** Applies the model's palette now and whenever it changes. */
    public static void follow(ThemeViewModel theme) {
        apply(theme.paletteProperty().get());
        theme.paletteProperty().addListener((obs, old, now) -> apply(now));
    }

    /** The stylesheet shown for {@code palette}. */
    public static String of(Palette palette) {
        return palette == Palette.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
    }

    private static void apply(Palette palette) {
        Application.setUserAgentStylesheet(of(palette));
    }
}
