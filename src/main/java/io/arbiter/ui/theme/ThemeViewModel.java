package io.arbiter.ui.theme;

import io.arbiter.ui.common.NotKept;
import io.arbiter.ui.common.TaskExecutor;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The theme switch behind View > Theme: the user's choice, the palette it shows, and where the choice is kept. A new
 * one shows the light palette and keeps nothing until {@link #restore} gives it the user's store, so a workbench built
 * in a test looks as the app does and writes no file. FX thread; reading the OS and saving go through the executor.
 */
public final class ThemeViewModel {

    private final TaskExecutor executor;
    private final BooleanSupplier osPrefersDark;
    private final ReadOnlyObjectWrapper<ThemeChoice> choice = new ReadOnlyObjectWrapper<>(ThemeChoice.SYSTEM);
    private final ReadOnlyObjectWrapper<Palette> palette = new ReadOnlyObjectWrapper<>(Palette.LIGHT);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private Optional<ThemeStore> store = Optional.empty();
    /** Counts choices, so a slow OS reading for an older choice does not overwrite a newer one. */
    private long chosen;

    public ThemeViewModel(TaskExecutor executor, BooleanSupplier osPrefersDark) {
        this.executor = executor;
        this.osPrefersDark = osPrefersDark;
    }

    // Properties

    public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** The palette on screen. */
    public ReadOnlyObjectProperty<Palette> paletteProperty() {
        return palette.getReadOnlyProperty();
    }

    /** Why the last choice could not be kept, for the status line; empty while it was (cleared at each choice). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // Commands

    /** The choice read at launch (with the OS read already, off the FX thread), kept from now on in {@code kept}. */
    public void restore(ThemeStore kept, ThemeChoice saved, boolean osDark) {
        store = Optional.of(kept);
        choice.set(saved);
        palette.set(saved.dark(osDark) ? Palette.DARK : Palette.LIGHT);
    }

    /** Shows {@code wanted} (reading the OS for System) and keeps it for the next launch. */
    public void choose(ThemeChoice wanted) {
        long request = ++chosen;
        choice.set(wanted);
        if (wanted == ThemeChoice.SYSTEM) {
            executor.submit(osPrefersDark::getAsBoolean).thenAccept(dark -> {
                if (request == chosen) {
                    palette.set(dark ? Palette.DARK : Palette.LIGHT);
                }
            });
        } else {
            palette.set(wanted.dark(false) ? Palette.DARK : Palette.LIGHT);
        }
        store.ifPresent(kept -> NotKept.write(
                executor,
                "theme",
                kept.file(),
                () -> {
                    kept.save(wanted);
                    return wanted;
                },
                problem::set));
    }
}
