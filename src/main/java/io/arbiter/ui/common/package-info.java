/**
 * What every screen shares: the task executor in its FX and same-thread forms, latest-only requests, view loading,
 * coalescing.
 */
package io.arbiter.ui.common;
