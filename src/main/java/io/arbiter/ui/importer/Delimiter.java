package io.arbiter.ui.importer;

import io.arbiter.core.dataset.ImportSettings;

/** A delimiter as the import dialog's chooser offers it. */
public enum Delimiter {
    COMMA(','),
    SEMICOLON(';'),
    TAB('\t'),
    PIPE('|');

    final char character;

    Delimiter(char character) {
        this.character = character;
    }

    /** The chooser's entry for {@code c}; comma for a character it does not offer. */
    static Delimiter of(Character c) {
        for (Delimiter d : values()) {
            if (c != null && d.character == c) {
                return d;
            }
        }
        return COMMA;
    }

    @Override
    public String toString() {
        return ImportSettings.describe(character);
    }
}
