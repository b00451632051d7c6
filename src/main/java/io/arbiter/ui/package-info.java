/**
 * The JavaFX workbench: one package per screen, each a View (FXML under fxml/ and code-behind that binds and
 * forwards) and a ViewModel (state as properties and commands that call into core; never a scene-graph node). I/O and
 * model calls run off the FX thread through {@link io.arbiter.ui.common.TaskExecutor}.
 */
package io.arbiter.ui;
