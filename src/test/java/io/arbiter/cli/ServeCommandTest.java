package io.arbiter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.offline.FaultPlan;
import io.arbiter.offline.OfflineServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code arbiter serve}: options are checked before the server starts, and the fault plan reaches it. */
class ServeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void badFaultPlanIsBadInputNamingTheItem() {
        int status = ArbiterCli.execute(
                new String[] {"serve", "--faults", "500=0.1,teapot=1"},
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("--faults") && err.toString().contains("teapot"), err.toString());
    }

    @Test
    void nonPositiveBatchPaceIsBadInput() {
        int status = ArbiterCli.execute(
                new String[] {"serve", "--batch-pace", "0"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(ArbiterCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("--batch-pace"), err.toString());
    }

    @Test
    void helpDocumentsTheFaultPlanSyntax() {
        int status = ArbiterCli.execute(
                new String[] {"serve", "--help"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, status);
        String help = out.toString();
        for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
            assertTrue(help.contains(kind.key() + "="), "help lacks " + kind.key() + ":\n" + help);
        }
        assertTrue(help.contains("--batch-pace"));
    }

    @Test
    void faultPlanFromTheCommandLineReachesTheServer() throws Exception {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--faults", "503=1", "--batch-pace", "50");
        try (OfflineServer server = command.start()) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode());
        }
    }
}
