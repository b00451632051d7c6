/** The main window's place on screen: where it opens, and what it remembers of size, position and dividers. */
package io.arbiter.ui.window;
