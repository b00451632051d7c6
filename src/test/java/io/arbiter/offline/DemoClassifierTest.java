package io.arbiter.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arbiter.offline.DemoPrompts.Synopsis;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoClassifierTest {

    private static final Pattern JUDGE_LINE = Pattern.compile("[A-Za-z-]+,(Correct|Incorrect)");
    private static final Pattern VERDICT_AT_END = Pattern.compile("(?i)(correct|incorrect)\\s*$");

    private final DemoClassifier base = DemoClassifier.forModel(DemoModels.BASE);
    private final DemoClassifier judge = DemoClassifier.forModel(DemoModels.JUDGE);

    @Test
    void samePromptAlwaysGetsTheSameReply() {
        for (Synopsis s : DemoPrompts.SYNOPSES) {
            String user = DemoPrompts.baseUser(s.text());
            assertEquals(base.reply(DemoPrompts.BASE_SYSTEM, user), base.reply(DemoPrompts.BASE_SYSTEM, user));
        }
    }

    @Test
    void answersOnlyLabelsFromTheListInThePrompt() {
        String system = "Classify the review. Allowed labels: Positive, Negative, Mixed\nReply with the label only.";
        String reply = judge.reply(system, "A gripping thriller about a detective and a murder.");
        assertTrue(List.of("Positive", "Negative", "Mixed").contains(clean(reply)), reply);
        String positive = judge.reply(system, "Overall a positive experience, I loved it.");
        assertEquals("Positive", clean(positive));
    }

    @Test
    void namesListedInTheSynopsisDoNotReplaceTheLabelList() {
        String user = DemoPrompts.baseUser("Anna, Ben, Carl and Dora chase a gang of bank robbers.");
        assertEquals("Crime", clean(judge.reply(DemoPrompts.BASE_SYSTEM, user)));
    }

    @Test
    void fallsBackToImdbGenresWhenThePromptListsNone() {
        String reply = judge.reply("", "Classify this movie: a sheriff hunts an outlaw across the frontier.");
        assertEquals("Western", clean(reply));
    }

    @Test
    void fallsBackToDramaWhenNoKeywordFires() {
        assertEquals("Drama", judge.classify(GenreLexicon.IMDB_GENRES, "Xyz qwv blorp."));
    }

    @Test
    void readsEverythingFromTheSystemMessageWhenThereIsNoUserText() {
        String system = DemoPrompts.BASE_SYSTEM + "\nMovie: an astronaut repairs a space station in orbit.";
        assertEquals("Sci-Fi", clean(judge.reply(system, "")));
    }

    @Test
    void judgePromptGetsPredictionEvaluationMostOfTheTime() {
        int wellFormed = 0;
        for (Synopsis s : DemoPrompts.SYNOPSES) {
            String answer = clean(base.reply(DemoPrompts.BASE_SYSTEM, DemoPrompts.baseUser(s.text())));
            String reply = base.reply(DemoPrompts.JUDGE_SYSTEM, DemoPrompts.judgeUser(s.text(), answer));
            if (JUDGE_LINE.matcher(reply).matches()) {
                wellFormed++;
            }
        }
        assertTrue(wellFormed >= DemoPrompts.SYNOPSES.size() * 8 / 10, "well-formed: " + wellFormed);
    }

    @Test
    void judgeAcceptsItsOwnLabelAndRejectsWrongCase() {
        int checked = 0;
        for (Synopsis s : DemoPrompts.SYNOPSES) {
            String own = judge.classify(GenreLexicon.IMDB_GENRES, s.text());
            String exact = judge.reply(DemoPrompts.JUDGE_SYSTEM, DemoPrompts.judgeUser(s.text(), own));
            String lower = judge.reply(
                    DemoPrompts.JUDGE_SYSTEM, DemoPrompts.judgeUser(s.text(), own.toLowerCase(Locale.ROOT)));
            // A rare unusable reply carries no verdict; every usable one must say the right thing.
            verdict(exact).ifPresent(v -> assertEquals("correct", v, exact));
            verdict(lower).ifPresent(v -> assertEquals("incorrect", v, lower));
            checked++;
        }
        assertEquals(DemoPrompts.SYNOPSES.size(), checked);
    }

    @Test
    void aStrictJudgeRejectsTheRunnerUpItOtherwiseAccepts() {
        int runnersUp = 0;
        for (Synopsis s : DemoPrompts.SYNOPSES) {
            List<DemoClassifier.ScoredLabel> ranking = judge.rank(GenreLexicon.IMDB_GENRES, s.text());
            if (ranking.size() < 2) {
                continue;
            }
            String runnerUp = ranking.get(1).label();
            String user = DemoPrompts.judgeUser(s.text(), runnerUp);
            String lenient = judge.reply(DemoPrompts.JUDGE_SYSTEM, user);
            String strict = judge.reply(DemoPrompts.JUDGE_SYSTEM + "\nBe strict: accept only your own choice.", user);
            verdict(lenient).ifPresent(v -> assertEquals("correct", v, lenient));
            verdict(strict).ifPresent(v -> assertEquals("incorrect", v, strict));
            runnersUp++;
        }
        assertTrue(runnersUp >= 3, "synopses with a runner-up: " + runnersUp);
    }

    @Test
    void aStrictSchoolInTheSynopsisDoesNotMakeTheJudgeStrict() {
        String text = "A young teacher at a strict boys' school falls in love with a war widow.";
        List<DemoClassifier.ScoredLabel> ranking = judge.rank(GenreLexicon.IMDB_GENRES, text);
        assertTrue(ranking.size() >= 2, ranking.toString());
        String reply = judge.reply(
                DemoPrompts.JUDGE_SYSTEM,
                DemoPrompts.judgeUser(text, ranking.get(1).label()));
        verdict(reply).ifPresent(v -> assertEquals("correct", v, reply));
    }

    @Test
    void baseRepliesSlipOutOfFormatRarely() {
        int slips = 0;
        int total = 1000;
        for (int i = 0; i < total; i++) {
            String reply = base.reply(DemoPrompts.BASE_SYSTEM, DemoPrompts.baseUser("A detective in case " + i));
            if (!GenreLexicon.IMDB_GENRES.contains(reply)) {
                slips++;
            }
        }
        assertTrue(slips > total * 4 / 100 && slips < total * 15 / 100, "slips: " + slips);
    }

    @Test
    void accuracyIsPlausibleAndTheJudgeIsNoWorseThanTheBase() {
        int baseRight = 0;
        int judgeRight = 0;
        for (Synopsis s : DemoPrompts.SYNOPSES) {
            if (s.genres().contains(base.classify(GenreLexicon.IMDB_GENRES, s.text()))) {
                baseRight++;
            }
            if (s.genres().contains(judge.classify(GenreLexicon.IMDB_GENRES, s.text()))) {
                judgeRight++;
            }
        }
        double n = DemoPrompts.SYNOPSES.size();
        assertTrue(baseRight / n >= 0.40 && baseRight / n <= 0.95, "base accuracy " + baseRight / n);
        assertTrue(judgeRight >= baseRight - 2, "judge " + judgeRight + " vs base " + baseRight);
    }

    private static java.util.Optional<String> verdict(String reply) {
        Matcher m = VERDICT_AT_END.matcher(reply);
        return m.find() ? java.util.Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : java.util.Optional.empty();
    }

    /** Undoes the base model's format slips so the label itself can be compared. */
    private static String clean(String reply) {
        String word = reply.replaceAll("[\".]", "").strip().split(" ")[0];
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
