package io.arbiter.ui.workbench;

import io.arbiter.core.dataset.Dataset;
import io.arbiter.core.project.Project;
import io.arbiter.core.store.ProjectBackup;
import io.arbiter.ui.common.LatestOnly;
import io.arbiter.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project and its file: New, Open (a project in use or damaged is refused, with its backup offered), Save,
 * Save as, closing, the recent projects and the window title. Files are read and written off the FX thread; while a
 * project is being read to become the open one, runs and other switches wait. FX thread. Over 300 lines because New,
 * Open, Save as and Restore all end in the one switch between projects, and Save and the unsaved-changes question
 * compare with the setup that switch records: apart, they would share that state through accessors.
 */
public final class ProjectLifecycle {

    private final TaskExecutor executor;
    private final StringProperty status;
    private final WorkbenchProject session;
    /** Review changes, run ends and project closes, written in order off the FX thread. */
    private final ProjectWrites writes;

    private final KeptSetup kept;
    private final Predicate<String> busy;
    /** Told each project that becomes the open one, after its setup is restored. */
    private final Consumer<Project> opened;

    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(WorkbenchViewModel.APP_TITLE);
    /** The project Open last refused as in use or damaged, for the dialog; null when none. */
    private final ReadOnlyObjectWrapper<WorkbenchProject.Refusal> refusal = new ReadOnlyObjectWrapper<>();
    /** Where the recent projects list is saved; null keeps it in memory only (tests). */
    private RecentProjects recentStore;
    /** The open project file: runs are recorded in it and it is the response cache. Null when none. */
    private Project project;
    /** What the open project holds of the setup, as of its opening, its last Save or its last run. */
    private WorkbenchSetup saved;
    /** True while a project is being read to become the open one. */
    private boolean switching;

    /** {@code busy} says, with a message, when a run or a switch keeps the project from changing now. */
    ProjectLifecycle(
            TaskExecutor executor,
            StringProperty status,
            WorkbenchProject session,
            KeptSetup kept,
            Predicate<String> busy,
            Consumer<Project> opened) {
        this.executor = executor;
        this.status = status;
        this.session = session;
        this.writes = new ProjectWrites(executor, status::set);
        this.kept = kept;
        this.busy = busy;
        this.opened = opened;
    }

    // Properties

    /** The open project, or null. */
    Project project() {
        return project;
    }

    /** The open project's file, or null. */
    public Path projectFile() {
        return project == null ? null : project.file();
    }

    WorkbenchProject session() {
        return session;
    }

    ProjectWrites writes() {
        return writes;
    }

    boolean switching() {
        return switching;
    }

    /** The window title: the project's name when one is open. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The last project files opened, newest first. */
    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    ReadOnlyObjectProperty<WorkbenchProject.Refusal> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    // Commands

    /** Keeps the recent projects list in {@code store}, reading what it holds now. */
    public void useRecentProjects(RecentProjects store) {
        useRecentProjects(store, false);
    }

    /**
     * As {@link #useRecentProjects(RecentProjects)}; with {@code reopenLast} (a relaunch) the newest of them is
     * opened again, or, when its file is gone, the status line says so and the workbench stays as it is. Completes
     * with whether a project was opened.
     */
    public CompletableFuture<Boolean> useRecentProjects(RecentProjects store, boolean reopenLast) {
        recentStore = store;
        return executor.submit(() -> {
                    List<Path> loaded = store.load();
                    Path last = loaded.isEmpty() ? null : loaded.get(0);
                    return new Recent(loaded, last != null && Files.isRegularFile(last));
                })
                .thenCompose(recent -> {
                    recentProjects.setAll(recent.paths());
                    if (!reopenLast || recent.paths().isEmpty()) {
                        return CompletableFuture.completedFuture(false);
                    }
                    Path last = recent.paths().get(0);
                    if (!recent.lastExists()) {
                        status.set("The last project, " + last + ", is gone (moved or deleted): open another with "
                                + "File > Open project….");
                        return CompletableFuture.completedFuture(false);
                    }
                    return openProject(last).thenApply(done -> project != null);
                })
                .exceptionally(failure -> false); // a lost list is no reason to stop
    }

    private record Recent(List<Path> paths, boolean lastExists) {}

    /** Names the open project in the title, with " *" while the setup on screen differs from what it holds. */
    public void refreshTitle() {
        title.set(
                project == null
                        ? WorkbenchViewModel.APP_TITLE
                        : project.file().getFileName() + (unsavedChanges().isEmpty() ? "" : " *") + " — "
                                + WorkbenchViewModel.APP_TITLE);
    }

    /** Creates a project file holding the setup on screen and the review made so far, and opens it. */
    public CompletableFuture<Void> newProject(Path file) {
        if (busy.test("creating a project")) {
            return CompletableFuture.completedFuture(null);
        }
        WorkbenchProject.Saving saving = kept.saving();
        Dataset rows = saving.setup().dataset();
        WorkbenchProject.KeptReview reviewed = kept.reviewOf(rows);
        status.set("Creating " + file.getFileName() + "…");
        return switchProject(
                file,
                executor.submit(() -> {
                    if (Files.exists(file)) {
                        throw new IllegalArgumentException(file + " already exists: open it with Open project….");
                    }
                    Project created = Project.open(file);
                    try {
                        session.saveConfiguration(created, saving);
                        if (reviewed != null) {
                            session.keepReview(created, rows, reviewed);
                        }
                    } catch (RuntimeException e) {
                        created.close();
                        throw e;
                    }
                    return WorkbenchProject.Restored.keeping(created);
                }),
                saving.setup(),
                "Created the project " + file.getFileName() + "; runs started now are kept in it.");
    }

    /** Opens a project file and restores its dataset, mapping, prompts, provider and latest run. */
    public CompletableFuture<Void> openProject(Path file) {
        if (busy.test("opening a project")) {
            return CompletableFuture.completedFuture(null);
        }
        status.set("Opening " + file.getFileName() + "…");
        refusal.set(null);
        CompletableFuture<WorkbenchProject.Restored> reading = executor.submit(() -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("There is no project file " + file + ".");
            }
            List<String> notices = new CopyOnWriteArrayList<>();
            Project read = session.open(file, notices::add);
            try {
                WorkbenchProject.Restored restored = session.restore(read);
                return notices.isEmpty() ? restored : restored.withNotice(String.join(" ", notices));
            } catch (RuntimeException e) {
                read.close();
                throw e;
            }
        });
        // In use or damaged: the view asks about it in a dialog; the project on screen stays open either way.
        reading.whenComplete((restored, failure) -> {
            if (failure != null) {
                WorkbenchProject.Refusal.of(file, failure).ifPresent(refusal::set);
            }
        });
        return switchProject(file, reading, null, "Opened the project " + file.getFileName() + ".");
    }

    /**
     * Puts the backup of a damaged project in its place (the damaged file is moved aside, not deleted) and opens
     * it; the project on screen stays open if that fails.
     */
    CompletableFuture<Void> restoreBackup(WorkbenchProject.Refusal refused) {
        if (refused.backup() == null || busy.test("restoring a backup")) {
            return CompletableFuture.completedFuture(null);
        }
        refusal.set(null);
        status.set("Restoring " + refused.file().getFileName() + " from "
                + refused.backup().getFileName() + "…");
        return executor.submit(() -> ProjectBackup.restore(refused.file(), refused.backup()))
                .handle((aside, failure) -> aside)
                .thenCompose(aside -> {
                    if (aside == null) {
                        status.set("Could not restore " + refused.backup().getFileName() + "; nothing was changed.");
                        return CompletableFuture.completedFuture(null);
                    }
                    return openProject(refused.file())
                            .thenRun(() -> status.set(status.get() + " It was restored from "
                                    + refused.backup().getFileName() + "; the damaged file is kept as "
                                    + aside.getFileName()
                                    + "."));
                });
    }

    /**
     * Writes the setup on screen into the open project (dataset copy, mapping, prompts as a version, provider and
     * its models, mode and concurrency); completes with true once it is saved, false when nothing was saved.
     */
    public CompletableFuture<Boolean> saveProject() {
        Project into = project;
        if (into == null) {
            status.set("No project is open: use Save project as….");
            return CompletableFuture.completedFuture(false);
        }
        if (busy.test("saving the project")) {
            return CompletableFuture.completedFuture(false);
        }
        WorkbenchProject.Saving saving = kept.saving();
        status.set("Saving " + into.file().getFileName() + "…");
        return executor.submit(() -> {
                    session.saveConfiguration(into, saving);
                    return true;
                })
                .handle((done, failure) -> {
                    if (failure != null) {
                        status.set(
                                "Could not save " + into.file().getFileName() + ": " + LatestOnly.messageOf(failure));
                        return false;
                    }
                    if (project == into) {
                        saved = saving.setup();
                        refreshTitle();
                    }
                    status.set("Saved " + into.file().getFileName() + ".");
                    return true;
                });
    }

    /** Copies the open project (runs and all) to {@code file} and continues there; without one, creates it. */
    public CompletableFuture<Void> saveProjectAs(Path file) {
        if (project == null) {
            return newProject(file);
        }
        if (busy.test("saving the project")) {
            return CompletableFuture.completedFuture(null);
        }
        Project current = project;
        status.set("Saving " + file.getFileName() + "…");
        return switchProject(
                file,
                executor.submit(() -> {
                    current.store().copyTo(file);
                    return WorkbenchProject.Restored.keeping(Project.open(file));
                }),
                saved,
                "Saved the project as " + file.getFileName() + ".");
    }

    /**
     * What the open project would lose if the workbench closed now ("the prompts", …): the setup changed since it
     * was opened, saved or last run. Runs, reviews and label renames are kept as they happen, so never count.
     */
    public List<String> unsavedChanges() {
        return project == null || saved == null ? List.of() : kept.setup().changesSince(saved);
    }

    /** The setup on screen now, as a project keeps it. */
    WorkbenchSetup setup() {
        return kept.setup();
    }

    /** A run has just written {@code setup} into {@code recordedIn}: if that is still the open project, it holds it. */
    void recorded(Project recordedIn, WorkbenchSetup setup) {
        if (project == recordedIn) {
            saved = setup;
            refreshTitle();
        }
    }

    /** Whether the open project holds {@code shown} as its setup's dataset (as of its opening, Save or last run). */
    boolean holds(Dataset shown) {
        return saved != null && shown == saved.dataset();
    }

    /** Closes the open project once its queued writes are done, and waits a while for them: the window is going. */
    void close() {
        if (project != null) {
            Project closing = project;
            project = null;
            writes.queue("close " + closing.file().getFileName(), closing::close);
        }
        writes.awaitAll(10); // every review change reaches the file before the window goes
    }

    /** Tests: decides which folders count as writable (root writes through permission bits). */
    void writableWhen(Predicate<Path> test) {
        session.writableWhen(test);
    }

    // Internals

    /**
     * Makes the project the open one once it has been read, restoring what it brings; the old one closes.
     * {@code holds} is the setup the project holds; null: what the workbench shows once the project is restored.
     */
    private CompletableFuture<Void> switchProject(
            Path file, CompletableFuture<WorkbenchProject.Restored> reading, WorkbenchSetup holds, String done) {
        CompletableFuture<Void> switched = new CompletableFuture<>();
        switching = true;
        reading.whenComplete((restored, failure) -> {
            switching = false;
            if (failure != null) {
                status.set(LatestOnly.messageOf(failure));
                switched.complete(null);
                return;
            }
            Project old = project;
            project = restored.project();
            if (old != null && old != project) {
                writes.queue("close " + old.file().getFileName(), old::close); // after its pending review writes
            }
            kept.restore(restored);
            saved = holds != null ? holds : kept.setup();
            refreshTitle();
            opened.accept(project);
            status.set(restored.notice() == null ? done : done + " " + restored.notice());
            rememberRecent(project.file());
            switched.complete(null);
        });
        return switched;
    }

    private void rememberRecent(Path file) {
        List<Path> current = List.copyOf(recentProjects);
        RecentProjects store = recentStore;
        if (store == null) {
            recentProjects.setAll(RecentProjects.with(current, file));
            return;
        }
        executor.submit(() -> store.add(current, file)).whenComplete((updated, failure) -> {
            if (failure == null) {
                recentProjects.setAll(updated);
            }
        });
    }
}
