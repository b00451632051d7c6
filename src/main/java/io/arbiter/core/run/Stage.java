package io.arbiter.core.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passes of a run: the model under test, then the judge over its answers. A pairwise run has a second answer
 * to compare ({@link #BASE_B}) and asks the judge again with the answers swapped ({@link #JUDGE_BA}). A run with a
 * jury or repeats asks the judge stage more than once per row: each further judgement is a <em>vote</em> of its own,
 * named by its juror and repeat ({@link #vote}); {@link #JUDGE} is the first juror's first judgement. Each stage is its
 * own request per row, recorded, cached, batched and resumed on its own. The names are stored in the project file and
 * in batch {@code custom_id}s, so they never change.
 *
 * <p>A class, not an enum, because votes are open-ended; the instances are canonical, so {@code ==} compares stages.
 */
public final class Stage {

    /** What a stage does; a vote of the judge is a {@link Kind#JUDGE} stage. */
    public enum Kind {
        BASE,
        JUDGE,
        BASE_B,
        JUDGE_BA
    }

    /** The model under test; in a pairwise run, answer A. */
    public static final Stage BASE = new Stage(Kind.BASE, 0, 0);
    /** The judge (its first juror's first judgement); in a pairwise run, with answer A shown first. */
    public static final Stage JUDGE = new Stage(Kind.JUDGE, 0, 0);
    /** A pairwise run's second answer, B, from its second base configuration. */
    public static final Stage BASE_B = new Stage(Kind.BASE_B, 0, 0);
    /** A pairwise run's judge asked again with answer B shown first. */
    public static final Stage JUDGE_BA = new Stage(Kind.JUDGE_BA, 0, 0);

    private static final List<Stage> FIXED = List.of(BASE, JUDGE, BASE_B, JUDGE_BA);
    private static final Pattern VOTE = Pattern.compile("JUDGE_J([1-9][0-9]{0,3})R([1-9][0-9]{0,3})");
    /** The highest juror or repeat number a vote's name may carry, so a name always fits its pattern. */
    public static final int MAX_VOTES = 9999;

    private static final Map<Long, Stage> VOTES = new ConcurrentHashMap<>();

    private final Kind kind;
    /** 0-based juror of a judge vote; 0 for every other stage. */
    private final int juror;
    /** 0-based repeat of a judge vote; 0 for every other stage. */
    private final int repeat;

    private Stage(Kind kind, int juror, int repeat) {
        this.kind = kind;
        this.juror = juror;
        this.repeat = repeat;
    }

    /**
     * The judge stage of juror {@code juror}'s repeat {@code repeat}, both 0-based; (0, 0) is {@link #JUDGE}, so a run
     * of one judge asked once is exactly the run it was before juries.
     */
    public static Stage vote(int juror, int repeat) {
        if (juror < 0 || repeat < 0 || juror >= MAX_VOTES || repeat >= MAX_VOTES) {
            throw new IllegalArgumentException(
                    "A vote's juror and repeat are 0 to " + (MAX_VOTES - 1) + ", not " + juror + " and " + repeat);
        }
        if (juror == 0 && repeat == 0) {
            return JUDGE;
        }
        return VOTES.computeIfAbsent(((long) juror << 32) | repeat, k -> new Stage(Kind.JUDGE, juror, repeat));
    }

    public Kind kind() {
        return kind;
    }

    /** The 0-based juror of a judge vote; 0 for every other stage. */
    public int juror() {
        return juror;
    }

    /** The 0-based repeat of a judge vote; 0 for every other stage. */
    public int repeat() {
        return repeat;
    }

    /** True for a further judgement of a jury or a repeat, beyond {@link #JUDGE} itself. */
    public boolean furtherVote() {
        return kind == Kind.JUDGE && this != JUDGE;
    }

    /** True for the stages that ask the judge. */
    public boolean judges() {
        return kind == Kind.JUDGE || kind == Kind.JUDGE_BA;
    }

    /**
     * The stage whose progress bar and usage this one shares: a pair's two answers are one base stage's work, and
     * every vote is the judge's.
     */
    public Stage bar() {
        return judges() ? JUDGE : BASE;
    }

    /** The name the project file and batch lines spell: BASE, JUDGE, BASE_B, JUDGE_BA, or JUDGE_J2R1 for a vote. */
    public String name() {
        return furtherVote() ? "JUDGE_J" + (juror + 1) + "R" + (repeat + 1) : kind.name();
    }

    /** How the stage is named to a person, e.g. in an unanswered row's cause: "base", "judge (B shown first)". */
    public String title() {
        if (furtherVote()) {
            return "judge (juror " + (juror + 1) + ", repeat " + (repeat + 1) + ")";
        }
        return switch (kind) {
            case BASE -> "base";
            case JUDGE -> "judge";
            case BASE_B -> "base B";
            case JUDGE_BA -> "judge (B shown first)";
        };
    }

    /** The stage named {@code name} as the project file and batch lines spell it; null for another name. */
    public static Stage named(String name) {
        if (name == null) {
            return null;
        }
        for (Stage stage : FIXED) {
            if (stage.name().equals(name)) {
                return stage;
            }
        }
        Matcher m = VOTE.matcher(name);
        if (!m.matches()) {
            return null;
        }
        Stage vote = vote(Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)) - 1);
        return vote.name().equals(name) ? vote : null; // "JUDGE_J1R1" is spelled JUDGE
    }

    /** The stage named {@code name}; unlike {@link #named}, an unknown name is an error. */
    public static Stage valueOf(String name) {
        Stage stage = named(name);
        if (stage == null) {
            throw new IllegalArgumentException("No stage is named " + name);
        }
        return stage;
    }

    /** The four stages of a run of one judge asked once; votes are made by {@link #vote}. */
    public static List<Stage> values() {
        return FIXED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stage s && s.kind == kind && s.juror == juror && s.repeat == repeat;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, juror, repeat);
    }

    @Override
    public String toString() {
        return name();
    }
}
