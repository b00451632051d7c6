package io.arbiter.ui.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The File menu's project items — New, Open, Open recent, Save, Save as — and the questions they ask: whether to save
 * unsaved changes first, and why a project did not open (with its backup offered when it is damaged). Closing the
 * window asks like Quit does. FX thread.
 */
final class ProjectMenu {

    private final WorkbenchViewModel model;
    private final ProjectLifecycle projects;
    private final DialogOwner owner;
    private final Menu recentMenu;

    /** Wires the items; they are off while {@code running}. */
    ProjectMenu(
            WorkbenchViewModel model,
            DialogOwner owner,
            ObservableBooleanValue running,
            MenuItem newItem,
            MenuItem openItem,
            Menu recentMenu,
            MenuItem saveItem,
            MenuItem saveAsItem) {
        this.model = model;
        this.projects = model.projects();
        this.owner = owner;
        this.recentMenu = recentMenu;
        newItem.setOnAction(
                e -> settleUnsaved(() -> chooseProjectFile("New project", true).ifPresent(projects::newProject)));
        openItem.setOnAction(e ->
                settleUnsaved(() -> chooseProjectFile("Open project", false).ifPresent(projects::openProject)));
        saveItem.setOnAction(e -> saveProject());
        saveAsItem.setOnAction(e -> chooseProjectFile("Save project as", true).ifPresent(projects::saveProjectAs));
        for (MenuItem item : new MenuItem[] {newItem, openItem, saveItem, saveAsItem}) {
            item.disableProperty().bind(running);
        }
        projects.refusalProperty().addListener((obs, old, refusal) -> {
            if (refusal != null) {
                showRefusal(refusal);
            }
        });
        recentMenu.disableProperty().bind(Bindings.or(running, Bindings.isEmpty(projects.recentProjects())));
        projects.recentProjects().addListener((ListChangeListener<Path>) change -> fillRecentMenu());
        fillRecentMenu();
        askBeforeTheWindowCloses();
    }

    /**
     * Runs {@code then} once the open project holds what the workbench shows: at once when nothing is unsaved, else
     * after asking "Save changes to X.arbiter?" (Save, then {@code then} once saved; Don't save; Cancel: neither).
     */
    void settleUnsaved(Runnable then) {
        List<String> changes = projects.unsavedChanges();
        if (changes.isEmpty()) {
            then.run();
            return;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Changed since the project was saved: " + String.join(", ", changes)
                        + ".\nRuns and reviews are already kept in it.",
                save,
                discard,
                cancel);
        ask.setTitle("Unsaved changes");
        ask.setHeaderText("Save changes to " + projects.projectFile().getFileName() + "?");
        dress(ask, "unsavedChangesDialog");
        // Not showAndWait: a close request or menu action returns at once, and the answer acts when it comes.
        ask.setOnHidden(e -> {
            ButtonType answer = ask.getResult();
            if (answer == save) {
                projects.saveProject().thenAccept(savedIt -> {
                    if (savedIt) {
                        then.run();
                    }
                });
            } else if (answer == discard) {
                then.run();
            }
        });
        ask.show();
    }

    private void fillRecentMenu() {
        recentMenu
                .getItems()
                .setAll(projects.recentProjects().stream()
                        .map(path -> {
                            MenuItem item = new MenuItem(path.getFileName() + "  —  "
                                    + path.toAbsolutePath().getParent());
                            item.setMnemonicParsing(false);
                            item.setOnAction(e -> settleUnsaved(() -> projects.openProject(path)));
                            return item;
                        })
                        .toList());
    }

    /**
     * Says why a project did not open: another process holds it (who, where, since when), or it is damaged; then,
     * when it has a backup, offers to put the backup in its place and open that.
     */
    private void showRefusal(WorkbenchProject.Refusal refusal) {
        ButtonType restore = new ButtonType(
                "Restore " + (refusal.backup() == null ? "" : refusal.backup().getFileName()),
                ButtonBar.ButtonData.YES);
        Alert alert = refusal.backup() == null
                ? new Alert(Alert.AlertType.WARNING, refusal.message(), ButtonType.OK)
                : new Alert(Alert.AlertType.CONFIRMATION, refusal.message(), restore, ButtonType.CANCEL);
        alert.setTitle("Project not opened");
        alert.setHeaderText(refusal.file().getFileName() + " was not opened");
        dress(alert, "projectRefusedDialog");
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setOnHidden(e -> {
            if (alert.getResult() == restore) {
                projects.restoreBackup(refusal);
            }
        });
        alert.show();
    }

    private void dress(Alert alert, String id) {
        alert.initOwner(owner.window());
        alert.getDialogPane().setId(id);
        if (owner.stylesheet() != null) {
            alert.getDialogPane().getStylesheets().add(owner.stylesheet());
        }
    }

    /** File ▸ Save: into the open project, or to a new file when there is none. */
    private void saveProject() {
        if (projects.projectFile() == null) {
            chooseProjectFile("Save project as", true).ifPresent(projects::saveProjectAs);
        } else {
            projects.saveProject();
        }
    }

    /** Closing the window asks about unsaved changes like Quit does; Cancel keeps it open. */
    private void askBeforeTheWindowCloses() {
        owner.root().sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, was, window) -> {
                    if (window != null) {
                        window.setOnCloseRequest(event -> {
                            if (!projects.unsavedChanges().isEmpty()) {
                                event.consume();
                                settleUnsaved(Platform::exit);
                            }
                        });
                    }
                });
            }
        });
    }

    private Optional<Path> chooseProjectFile(String title, boolean save) {
        if (model.busy("changing the project")) {
            return Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Arbiter projects", "*.arbiter"));
        File file;
        if (save) {
            chooser.setInitialFileName("project.arbiter");
            file = chooser.showSaveDialog(owner.window());
        } else {
            file = chooser.showOpenDialog(owner.window());
        }
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        if (save && !path.getFileName().toString().contains(".")) {
            path = path.resolveSibling(path.getFileName() + ".arbiter");
        }
        return Optional.of(path);
    }
}
