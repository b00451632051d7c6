/** The Providers dialog: profiles, where keys come from, models, limits, timeouts, prices, a connection test. */
package io.arbiter.ui.settings;
