package io.arbiter.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo classifier reads from a rendered prompt, the way an LLM would: the allowed labels, the text to
 * classify, the base answer under review (for a judge), whether the reply must be "Prediction,Evaluation", and
 * whether the instructions ask for strictness (the word "strict" or "strictly" in the system message).
 */
record ClassificationPrompt(
        List<String> labels, String description, Optional<String> baseAnswer, boolean judgeFormat, boolean strict) {

    /** Only in the system message: a synopsis about a strict school must not change how the judge behaves. */
    private static final Pattern STRICT = Pattern.compile("(?i)\\bstrict(ly)?\\b");

    private static final Pattern QUOTED_ANSWER =
            Pattern.compile("(?i)answer[^\\n\"“:]{0,40}:\\s*[\"“]([^\"”\\n]*)[\"”]");
    private static final Pattern BARE_ANSWER = Pattern.compile("(?im)answer[^\\n\":]{0,40}:[ \\t]*([^\\n]*)$");
    private static final Pattern ITEM = Pattern.compile("\\p{Lu}[\\p{L}\\p{N} &'/-]{0,29}");
    private static final int MIN_LIST_SIZE = 3;

    static ClassificationPrompt read(String system, String user) {
        String all = system + "\n" + user;
        // The longest list wins, so a synopsis naming three characters cannot outvote the real label list.
        Optional<LabelLine> labelLine = findLabelLine(user + "\n" + system);
        List<String> labels = labelLine.map(LabelLine::labels).orElse(GenreLexicon.IMDB_GENRES);
        Optional<String> baseAnswer = findBaseAnswer(user).or(() -> findBaseAnswer(system));
        String description = strip(user, labelLine);
        if (DemoText.words(description).size() < 3) {
            // Everything sits in the system message: read it all, minus the parts that are not the item.
            description = strip(all, labelLine);
        }
        return new ClassificationPrompt(
                labels,
                description,
                baseAnswer,
                asksForJudgeFormat(all),
                STRICT.matcher(system).find());
    }

    /** Whether the prompt lists labels to choose from, by the rule {@link #read} finds them with. */
    static boolean listsLabels(String system, String user) {
        return findLabelLine(user + "\n" + system).isPresent();
    }

    private static boolean asksForJudgeFormat(String text) {
        String compact = text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        return compact.contains("prediction,evaluation")
                || (compact.contains("evaluation") && (text.contains("Correct") || text.contains("Incorrect")));
    }

    private static String strip(String text, Optional<LabelLine> labelLine) {
        String out = labelLine.map(l -> text.replace(l.span(), " ")).orElse(text);
        out = QUOTED_ANSWER.matcher(out).replaceAll(" ");
        return BARE_ANSWER.matcher(out).replaceAll(" ");
    }

    private static Optional<String> findBaseAnswer(String text) {
        Matcher quoted = QUOTED_ANSWER.matcher(text);
        if (quoted.find()) {
            return Optional.of(quoted.group(1));
        }
        Matcher bare = BARE_ANSWER.matcher(text);
        return bare.find() ? Optional.of(bare.group(1).strip()) : Optional.empty();
    }

    /** The longest comma-separated list of short capitalised items on one line, e.g. after "Allowed genres:". */
    private static Optional<LabelLine> findLabelLine(String text) {
        LabelLine best = null;
        for (String line : text.split("\\R")) {
            int colon = line.lastIndexOf(':');
            String span = (colon >= 0 ? line.substring(colon + 1) : line).strip();
            List<String> items = listItems(span, colon < 0);
            if (items.size() >= MIN_LIST_SIZE
                    && (best == null || items.size() > best.labels().size())) {
                best = new LabelLine(span, items);
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> listItems(String span, boolean inSentence) {
        String[] parts = span.split(",");
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String item = parts[i].strip();
            if (i == parts.length - 1) {
                item = item.replaceFirst("^(and|or) ", "")
                        .replaceFirst("[.;]$", "")
                        .strip();
            }
            if (i == 0 && inSentence && item.split(" ").length > 3) {
                // "Choose one of Action, Comedy, ..." without a colon: the list starts at the last word.
                item = item.substring(item.lastIndexOf(' ') + 1);
            }
            if (!ITEM.matcher(item).matches() || item.split(" ").length > 3) {
                return List.of();
            }
            items.add(item);
        }
        return new ArrayList<>(items);
    }

    private record LabelLine(String span, List<String> labels) {}
}
