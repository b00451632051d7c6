package io.arbiter.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stylesheet parses without an error. JavaFX only logs a broken one and drops the rules after the break, so a
 * lost brace (as a merge once made) would otherwise pass every test while half the look is gone.
 */
class StylesheetsParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"/css/arbiter.css", "/css/settings.css"})
    void parsesWithoutErrors(String name) throws IOException {
        URL sheet = getClass().getResource(name);
        assertNotNull(sheet, name);
        CssParser.errorsProperty().clear();
        new CssParser().parse(sheet);
        List<String> errors =
                CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertEquals(List.of(), errors, name);
    }
}
