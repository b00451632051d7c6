/** The main window: the provider bar, the menus, projects, and the wiring of every screen to one run. */
package io.arbiter.ui.workbench;
