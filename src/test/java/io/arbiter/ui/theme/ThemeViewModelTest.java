package io.arbiter.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme switch without JavaFX: which palette each choice shows, when the OS is asked, and what is kept. */
class ThemeViewModelTest {

    @TempDir
    Path config;

    @Test
    void systemAsksTheOsAndTheOthersDoNot() {
        AtomicInteger asked = new AtomicInteger();
        ThemeViewModel theme = new ThemeViewModel(new SameThreadTaskExecutor(), () -> asked.incrementAndGet() > 0);
        assertEquals(Palette.LIGHT, theme.paletteProperty().get());

        theme.choose(ThemeChoice.DARK);
        assertEquals(Palette.DARK, theme.paletteProperty().get());
        theme.choose(ThemeChoice.LIGHT);
        assertEquals(Palette.LIGHT, theme.paletteProperty().get());
        assertEquals(0, asked.get());

        theme.choose(ThemeChoice.SYSTEM);
        assertEquals(Palette.DARK, theme.paletteProperty().get()); // this OS prefers dark
        assertEquals(1, asked.get());
    }

    @Test
    void aRestoredChoiceIsShownAndEveryLaterOneKept() {
        ThemeStore store = ThemeStore.inDirectory(config);
        ThemeViewModel theme = new ThemeViewModel(new SameThreadTaskExecutor(), () -> false);
        theme.restore(store, ThemeChoice.SYSTEM, true);
        assertEquals(Palette.DARK, theme.paletteProperty().get());
        assertEquals(ThemeChoice.SYSTEM, store.load()); // restoring writes nothing

        theme.choose(ThemeChoice.LIGHT);
        assertEquals(ThemeChoice.LIGHT, store.load());
        assertEquals(ThemeChoice.LIGHT, theme.choiceProperty().get());
    }

    @Test
    void withoutAStoreNothingIsWritten() {
        ThemeViewModel theme = new ThemeViewModel(new SameThreadTaskExecutor(), () -> false);
        theme.choose(ThemeChoice.DARK);
        assertEquals(ThemeChoice.SYSTEM, ThemeStore.inDirectory(config).load());
    }
}
