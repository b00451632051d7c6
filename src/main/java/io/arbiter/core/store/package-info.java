/**
 * The project file: one SQLite database (WAL) with its schema migrations, every run's responses and batch ledger
 * written as they arrive, the response cache, settings, prompt versions and the human review. The one package that
 * speaks SQL.
 */
package io.arbiter.core.store;
