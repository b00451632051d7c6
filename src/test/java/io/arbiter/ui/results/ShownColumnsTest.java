package io.arbiter.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.ui.common.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The column chooser's choice is kept per user: hidden columns and wrapping come back in the next window. */
class ShownColumnsTest {

    @Test
    void hiddenColumnsAndWrappingComeBackFromTheStore(@TempDir Path config) {
        ShownColumns first = new ShownColumns(new SameThreadTaskExecutor());
        first.useStore(ColumnLayoutStore.inDirectory(config));
        first.show("Truth", false);
        first.show("Judge prediction", false);
        first.show("Judge prediction", true);
        first.wrapProperty().set(true);

        ShownColumns next = new ShownColumns(new SameThreadTaskExecutor());
        next.useStore(ColumnLayoutStore.inDirectory(config));

        assertEquals(Set.of("Truth"), next.hidden());
        assertTrue(next.wrapProperty().get());
    }

    @Test
    void aMissingOrUnreadableFileShowsEveryColumn(@TempDir Path config) throws Exception {
        assertEquals(ColumnLayout.DEFAULT, ColumnLayoutStore.inDirectory(config).load());
        Files.writeString(config.resolve(ColumnLayoutStore.FILE_NAME), "{ not json");

        ShownColumns shown = new ShownColumns(new SameThreadTaskExecutor());
        shown.useStore(ColumnLayoutStore.inDirectory(config));

        assertTrue(shown.hidden().isEmpty());
        assertFalse(shown.wrapProperty().get());
    }

    @Test
    void aChoiceThatCannotBeKeptSaysWhatWhereAndWhy(@TempDir Path config) throws Exception {
        Path blocked = Files.writeString(config.resolve("arbiter"), ""); // a file where the config folder goes
        ColumnLayoutStore store = ColumnLayoutStore.inDirectory(blocked);
        ShownColumns shown = new ShownColumns(new SameThreadTaskExecutor());
        shown.useStore(store);
        assertEquals("", shown.problemProperty().get(), "reading a missing file is no problem");

        shown.show("Truth", false);

        assertEquals(Set.of("Truth"), shown.hidden(), "the column is hidden all the same");
        assertEquals(
                "The column choice was not kept for the next launch: could not write " + store.file() + " (" + blocked
                        + " is a file, not a folder).",
                shown.problemProperty().get());
    }
}
