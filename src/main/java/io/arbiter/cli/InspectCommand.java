package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.dataset.DatasetException;
import io.arbiter.core.dataset.DatasetImporter;
import io.arbiter.core.dataset.FileFormat;
import io.arbiter.core.dataset.ImportProblem;
import io.arbiter.core.dataset.ImportResult;
import io.arbiter.core.dataset.ImportSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter inspect FILE}: what the importer detects and reads, with the same code the workbench uses. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Read a dataset file and print the detected encoding, delimiter, line ending (or an Excel workbook's"
                        + " sheet), header, size and problems.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV, TSV, JSON Lines, JSON array or Excel .xlsx file.")
    Path file;

    @Mixin
    DatasetOptions options;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ImportResult result;
        try {
            result = DatasetImporter.inspect(file, options.settings());
        } catch (DatasetException e) {
            throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(result)));
        } else {
            printText(result, out);
        }
        out.flush();
        return 0;
    }

    private ObjectNode toJson(ImportResult result) {
        ImportSettings s = result.resolved();
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("file", file.toString());
        node.put("format", s.format().name().toLowerCase(Locale.ROOT));
        node.put("encoding", s.encoding().name());
        node.put("delimiter", String.valueOf(s.delimiter()));
        node.put("sep_line", result.sepLine() != null);
        node.put("quote", String.valueOf(s.quote()));
        node.put("line_ending", s.lineEnding().name());
        node.put("header", s.header());
        node.put("sheet", s.sheet());
        ArrayNode sheets = node.putArray("sheets");
        result.sheets().forEach(sheets::add);
        ArrayNode columns = node.putArray("columns");
        result.dataset().columns().forEach(columns::add);
        node.put("rows", result.dataset().size());
        node.put("column_count", result.dataset().columns().size());
        ArrayNode problems = node.putArray("problems");
        for (ImportProblem p : result.problems()) {
            problems.addObject().put("line", p.line()).put("kind", kind(p)).put("message", p.message());
        }
        node.put("ragged_rows", result.totalRaggedRows());
        return node;
    }

    private void printText(ImportResult result, PrintWriter out) {
        ImportSettings s = result.resolved();
        out.printf("file          %s%n", file);
        out.printf("format        %s%n", s.format().describe());
        if (s.format() == FileFormat.XLSX) {
            out.printf("sheet         %s (sheets: %s)%n", s.sheet(), String.join(", ", result.sheets()));
        } else {
            printText(s, result.sepLine(), out);
        }
        out.printf("header        %s%n", s.header() ? "yes" : "no (columns are numbered)");
        out.printf(
                "columns       %d: %s%n",
                result.dataset().columns().size(),
                String.join(", ", result.dataset().columns()));
        out.printf("rows          %d%n", result.dataset().size());
        out.printf(
                "ragged rows   %d%s%n",
                result.totalRaggedRows(), result.totalRaggedRows() > 0 ? " (left out of the rows above)" : "");
        if (result.problems().isEmpty()) {
            out.printf("problems      none%n");
            return;
        }
        out.printf(
                "problems      %d%s%n",
                result.problems().size(),
                result.totalRaggedRows() > DatasetImporter.MAX_PROBLEMS
                        ? " listed (ragged rows beyond " + DatasetImporter.MAX_PROBLEMS + " are only counted)"
                        : "");
        for (ImportProblem p : result.problems()) {
            out.printf(
                    "  %s %d  %s  %s%n",
                    s.format() == FileFormat.XLSX ? "row" : "line", p.line(), kind(p), p.message());
        }
    }

    private static void printText(ImportSettings s, Character sepLine, PrintWriter out) {
        out.printf("encoding      %s%n", s.encoding().name());
        out.printf("delimiter     %s%n", ImportSettings.describe(s.delimiter()));
        out.printf(
                "sep line      %s%n",
                sepLine == null
                        ? "none"
                        : "sep=" + (sepLine == '\t' ? "\\t" : sepLine)
                                + " (Excel's first line naming the delimiter; not a row)");
        out.printf("quote         %s%n", s.quote());
        out.printf("line ending   %s (%s)%n", s.lineEnding(), s.lineEnding().escaped());
    }

    private static String kind(ImportProblem p) {
        return p.kind().name().toLowerCase(Locale.ROOT);
    }
}
