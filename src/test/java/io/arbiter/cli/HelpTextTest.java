package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help prints cleanly. picocli fills each help line in with String.format, so a bare % (as in "70%
 * up the scale") fails there, and picocli then warns on the process's standard error with every --help.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpPrintsWithoutAWarning() {
        List<String> commands = new ArrayList<>(List.of(""));
        commands.addAll(new CommandLine(new ArbiterCli()).getSubcommands().keySet());
        PrintStream standardError = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<String> helps = new ArrayList<>();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : commands) {
                StringWriter out = new StringWriter();
                String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
                assertEquals(0, ArbiterCli.execute(args, new PrintWriter(out, true), new PrintWriter(out, true)));
                helps.add(out.toString());
            }
        } finally {
            System.setErr(standardError);
        }

        assertTrue(commands.size() > 10, commands.toString());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        assertTrue(String.join("\n", helps).contains("(default: 70% up the scale"), "the percent shown once");
    }
}
