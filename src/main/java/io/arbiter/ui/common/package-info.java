/** What every screen shares: the task executor in its FX and same-thread forms, view loading, coalescing. */
package io.arbiter.ui.common;
