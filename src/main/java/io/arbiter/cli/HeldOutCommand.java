package io.arbiter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arbiter.core.project.Project;
import io.arbiter.core.review.HeldOutSplit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter held-out P.arbiter}: the project's split of reviewed rows into promotable and held out. */
@Command(
        name = "held-out",
        mixinStandardHelpOptions = true,
        description = "Show how the project's reviewed rows split into rows worked examples may come from and rows"
                + " held out to check them; --share sets the share held out (the project keeps its seed).")
final class HeldOutCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project file (.arbiter).")
    Path project;

    @Option(
            names = "--share",
            paramLabel = "S",
            description = "The share of rows to hold out, from 0 (none) to below 1; the default split holds out 0.25.")
    Double share;

    @Option(names = "--json", description = "Print the split as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        HeldOutSplit split;
        Set<Integer> reviewed;
        List<Integer> promoted;
        try (Project opened = ProjectOpening.forWriting(
                project, false, "arbiter held-out", command.commandLine().getErr())) {
            if (share != null) {
                try {
                    split = opened.saveHeldOutShare(share);
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(e.getMessage(), ArbiterCli.BAD_INPUT);
                }
            } else {
                split = opened.heldOutSplit();
            }
            reviewed = opened.verdicts().keySet();
            promoted = opened.promotedRows();
        }
        long heldOut = reviewed.stream().filter(split::heldOut).count();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("held_out_share", split.share());
            node.put("seed", split.seed());
            node.put("reviewed", reviewed.size());
            node.put("reviewed_held_out", heldOut);
            node.put("reviewed_promotable", reviewed.size() - heldOut);
            node.put("promoted", promoted.size());
            out.println(mapper.writeValueAsString(node));
        } else {
            out.printf("held out        %s of rows (seed %d)%n", split.percent(), split.seed());
            out.printf(
                    "reviewed rows   %d: %d held out, %d promotable (%d promoted)%n",
                    reviewed.size(), heldOut, reviewed.size() - heldOut, promoted.size());
        }
        out.flush();
        return 0;
    }
}
