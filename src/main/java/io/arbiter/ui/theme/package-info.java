/** The look: light or dark theme as the user chose it or the OS prefers, kept per user, and the icons. */
package io.arbiter.ui.theme;
