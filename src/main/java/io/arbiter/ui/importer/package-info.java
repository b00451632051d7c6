/** The import dialog: detected encoding, delimiter and header, a live preview, column mapping, ragged rows. */
package io.arbiter.ui.importer;
