package io.arbiter.ui.results;

import io.arbiter.ui.common.NotKept;
import io.arbiter.ui.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * Which results columns are shown and whether their cells wrap, as the column chooser sets them; kept per user once
 * {@link #useStore} is given a store (the app does, tests need not). Touch only on the UI thread.
 */
public final class ShownColumns {

    private final TaskExecutor executor;
    private final ObservableSet<String> hidden = FXCollections.observableSet();
    private final BooleanProperty wrap = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private ColumnLayoutStore store;

    public ShownColumns(TaskExecutor executor) {
        this.executor = executor;
        hidden.addListener((SetChangeListener<String>) change -> save());
        wrap.addListener((obs, old, now) -> save());
    }

    // Properties

    /** Titles of the hidden columns. */
    public ObservableSet<String> hidden() {
        return hidden;
    }

    /** True while long cells wrap onto more lines. */
    public BooleanProperty wrapProperty() {
        return wrap;
    }

    /** Why the last change could not be kept, for the status line; empty while it was (cleared at each change). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // Commands

    /** Shows or hides the column titled {@code title}. */
    public void show(String title, boolean shown) {
        if (shown) {
            hidden.remove(title);
        } else {
            hidden.add(title);
        }
    }

    /** Reads the user's saved choice in the background and keeps every later change there. */
    public void useStore(ColumnLayoutStore chosen) {
        executor.submit(chosen::load).thenAccept(layout -> {
            hidden.clear();
            hidden.addAll(layout.hidden());
            wrap.set(layout.wrap());
            store = chosen;
        });
    }

    private void save() {
        ColumnLayoutStore target = store;
        if (target == null) {
            return;
        }
        ColumnLayout layout = new ColumnLayout(hidden.stream().sorted().toList(), wrap.get());
        NotKept.write(
                executor,
                "column choice",
                target.file(),
                () -> {
                    target.save(layout);
                    return layout;
                },
                problem::set);
    }
}
