package io.arbiter.core.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply's answer apart from the reasoning a model wrote before it: leading {@code <think>}, {@code <thinking>},
 * {@code <reasoning>} or {@code <thought>} blocks (any case, one or more), or reasoning that ends at a closing
 * {@code </think>} without an opening tag (templates that put {@code <think>} into the prompt make some models
 * begin that way). Only what comes before the answer counts: a tag later in the answer is the answer's own text.
 *
 * @param answer    the text after the reasoning; the content unchanged when there was none
 * @param reasoning the reasoning blocks' text, joined by blank lines; null when there was none
 * @param unclosed  true when a block was opened and never closed, so everything after it is reasoning, no answer
 */
public record ReasoningSplit(String answer, String reasoning, boolean unclosed) {

    private static final String TAGS = "think|thinking|reasoning|thought";
    private static final Pattern OPENING = Pattern.compile("^<(" + TAGS + ")(?:\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_CLOSING = Pattern.compile("</(" + TAGS + ")\\s*>", Pattern.CASE_INSENSITIVE);

    /** Splits {@code content}; null stays null. */
    public static ReasoningSplit of(String content) {
        if (content == null || content.indexOf('<') < 0) {
            return new ReasoningSplit(content, null, false);
        }
        List<String> blocks = new ArrayList<>();
        String rest = content.stripLeading();
        Matcher bare = BARE_CLOSING.matcher(rest);
        if (!OPENING.matcher(rest).find()
                && bare.find()
                && !rest.substring(0, bare.start())
                        .toLowerCase(Locale.ROOT)
                        .contains("<" + bare.group(1).toLowerCase(Locale.ROOT))) {
            blocks.add(rest.substring(0, bare.start()));
            rest = rest.substring(bare.end()).stripLeading();
        }
        while (true) {
            Matcher open = OPENING.matcher(rest);
            if (!open.find()) {
                break;
            }
            Matcher close = Pattern.compile("</" + Pattern.quote(open.group(1)) + "\\s*>", Pattern.CASE_INSENSITIVE)
                    .matcher(rest);
            if (!close.find(open.end())) {
                blocks.add(rest.substring(open.end()));
                return new ReasoningSplit("", join(blocks), true);
            }
            blocks.add(rest.substring(open.end(), close.start()));
            rest = rest.substring(close.end()).stripLeading();
        }
        return blocks.isEmpty()
                ? new ReasoningSplit(content, null, false)
                : new ReasoningSplit(rest, join(blocks), false);
    }

    /** This split with more reasoning (e.g. a {@code reasoning_content} field) before its own. */
    public ReasoningSplit withReasoningBefore(String more) {
        if (more == null || more.isBlank()) {
            return this;
        }
        return new ReasoningSplit(
                answer, reasoning == null ? more.strip() : more.strip() + "\n\n" + reasoning, unclosed);
    }

    private static String join(List<String> blocks) {
        List<String> kept =
                blocks.stream().map(String::strip).filter(b -> !b.isEmpty()).toList();
        return kept.isEmpty() ? null : String.join("\n\n", kept);
    }
}
