package io.arbiter.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Files;
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

    @Test
    void aChoiceThatCannotBeKeptSaysWhatWhereAndWhy() throws Exception {
        // The config folder's place is taken by a file: nothing can be written under it.
        Path blocked = Files.writeString(config.resolve("arbiter"), "");
        ThemeStore store = ThemeStore.inDirectory(blocked);
        ThemeViewModel theme = new ThemeViewModel(new SameThreadTaskExecutor(), () -> false);
        theme.restore(store, ThemeChoice.SYSTEM, false);

        theme.choose(ThemeChoice.DARK);

        assertEquals(Palette.DARK, theme.paletteProperty().get(), "the choice is shown all the same");
        assertEquals(
                "The theme was not kept for the next launch: could not write " + store.file() + " (" + blocked
                        + " is a file, not a folder).",
                theme.problemProperty().get());
        theme.choose(ThemeChoice.LIGHT);
        assertTrue(theme.problemProperty().get().startsWith("The theme was not kept"), "and again the next time");
    }
}
