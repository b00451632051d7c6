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
}
