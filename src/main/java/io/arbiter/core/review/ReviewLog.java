package io.arbiter.core.review;

import io.arbiter.core.verdict.Preference;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The human review of a run: a verdict per reviewed row, the rows promoted into the judge prompt as worked
 * examples, and an undo stack of verdict changes. Not thread-safe: one thread owns it, others read a {@link #copy()}.
 */
public final class ReviewLog {

    private final Map<Integer, HumanVerdict> verdicts = new TreeMap<>();
    /** In the order they were promoted: the order the examples appear in the prompt. */
    private final Set<Integer> promoted = new LinkedHashSet<>();
    /** The rows held out to check the examples: never promoted. */
    private HeldOutSplit split = HeldOutSplit.NONE;

    private final Deque<Change> undo = new ArrayDeque<>();
    private Listener listener = Listener.NONE;

    /** Hears every change a person makes, to keep it elsewhere (a project file); not {@link #restore} or {@link #clear}. */
    public interface Listener {
        Listener NONE = new Listener() {
            @Override
            public void verdictChanged(int row, HumanVerdict now) {}

            @Override
            public void promotionChanged(int row, boolean promoted) {}
        };

        /** The row's verdict is {@code now}; null when it has none any more. */
        void verdictChanged(int row, HumanVerdict now);

        void promotionChanged(int row, boolean promoted);
    }

    /** One verdict change, with what the row had before it (null: no verdict). */
    private record Change(int row, HumanVerdict before) {}

    /** Tells {@code listener} of every later change; one listener at a time. */
    public void setListener(Listener listener) {
        this.listener = listener == null ? Listener.NONE : listener;
    }

    /** Sets a row's verdict, keeping any note it had; undoable. */
    public HumanVerdict label(int row, boolean baseRight, String reviewer, Instant at) {
        return label(row, baseRight, reviewer, at, null);
    }

    /** As above, on the base answer {@code answer}: a later run that answers otherwise leaves the verdict behind. */
    public HumanVerdict label(int row, boolean baseRight, String reviewer, Instant at, String answer) {
        return label(row, baseRight, reviewer, at, answer, null);
    }

    /** As above with the score the reviewer gave (a scoring run), {@code baseRight} saying whether it passes. */
    public HumanVerdict label(int row, boolean baseRight, String reviewer, Instant at, String answer, Integer score) {
        HumanVerdict before = verdicts.get(row);
        // A note was about the answer it was written on; a verdict on another answer starts without it.
        boolean sameAnswer = before != null && (before.answer() == null || answer == null || before.on(answer));
        HumanVerdict now = new HumanVerdict(baseRight, sameAnswer ? before.note() : "", reviewer, at, answer, score);
        return change(row, before, now);
    }

    /**
     * Sets which answer of a pair the reviewer preferred, on the pair {@code pairAnswer} ({@link
     * HumanVerdict#pairAnswer}), keeping a note given on the same pair; undoable.
     */
    public HumanVerdict prefer(int row, Preference preference, String reviewer, Instant at, String pairAnswer) {
        HumanVerdict before = verdicts.get(row);
        boolean samePair = before != null && (before.answer() == null || before.on(pairAnswer));
        HumanVerdict now = HumanVerdict.preferring(preference, samePair ? before.note() : "", reviewer, at, pairAnswer);
        return change(row, before, now);
    }

    /** The row's verdict if it was given on {@code baseAnswer} (see {@link HumanVerdict#on}), else empty. */
    public Optional<HumanVerdict> verdictOn(int row, String baseAnswer) {
        return verdict(row).filter(v -> v.on(baseAnswer));
    }

    /**
     * Sets the note of a reviewed row; undoable.
     *
     * @throws IllegalStateException if the row has no verdict yet
     */
    public HumanVerdict note(int row, String note, String reviewer, Instant at) {
        HumanVerdict before = verdicts.get(row);
        if (before == null) {
            throw new IllegalStateException("Row " + (row + 1) + " has no verdict to note on");
        }
        return change(row, before, before.withNote(note, reviewer, at));
    }

    /** Takes back the latest verdict change; the row it touched, or empty when there is nothing to undo. */
    public OptionalInt undo() {
        Change last = undo.pollFirst();
        if (last == null) {
            return OptionalInt.empty();
        }
        if (last.before() == null) {
            verdicts.remove(last.row());
            listener.verdictChanged(last.row(), null);
            if (promoted.remove(last.row())) { // only a reviewed row can be an example
                listener.promotionChanged(last.row(), false);
            }
        } else {
            verdicts.put(last.row(), last.before());
            listener.verdictChanged(last.row(), last.before());
        }
        return OptionalInt.of(last.row());
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public Optional<HumanVerdict> verdict(int row) {
        return Optional.ofNullable(verdicts.get(row));
    }

    /** Every verdict by row, in row order. */
    public Map<Integer, HumanVerdict> verdicts() {
        return Collections.unmodifiableMap(verdicts);
    }

    public int size() {
        return verdicts.size();
    }

    public boolean promoted(int row) {
        return promoted.contains(row);
    }

    /**
     * Promotes a reviewed row as a worked example, or takes a promoted one back; true when it is promoted now.
     *
     * @throws IllegalStateException if the row has no verdict, or is held out ({@link HeldOutSplit#refusal})
     */
    public boolean togglePromoted(int row) {
        if (promoted.remove(row)) {
            listener.promotionChanged(row, false);
            return false;
        }
        if (!verdicts.containsKey(row)) {
            throw new IllegalStateException("Row " + (row + 1) + " needs a verdict before it can be an example");
        }
        if (split.heldOut(row)) {
            throw new IllegalStateException(split.refusal(row));
        }
        promoted.add(row);
        listener.promotionChanged(row, true);
        return true;
    }

    /**
     * Holds out the rows {@code split} names from now on; a held-out row promoted before (under another share) is
     * taken back, with the listener told, so no example comes from the rows that check them.
     */
    public void useSplit(HeldOutSplit split) {
        this.split = split;
        for (int row : List.copyOf(promoted)) {
            if (split.heldOut(row)) {
                promoted.remove(row);
                listener.promotionChanged(row, false);
            }
        }
    }

    public HeldOutSplit split() {
        return split;
    }

    /** True when the row is held out to check the examples and cannot be one. */
    public boolean heldOut(int row) {
        return split.heldOut(row);
    }

    /** The promoted rows in the order they were promoted. */
    public List<Integer> promotedRows() {
        return List.copyOf(promoted);
    }

    /** Forgets everything: a new dataset has other rows. */
    public void clear() {
        verdicts.clear();
        promoted.clear();
        undo.clear();
    }

    /**
     * Replaces everything with a review kept earlier (nothing to undo); promoted rows without a verdict are left
     * out, as they could not have been promoted, and so are rows the split holds out.
     */
    public void restore(Map<Integer, HumanVerdict> kept, List<Integer> keptPromoted) {
        clear();
        verdicts.putAll(kept);
        keptPromoted.stream()
                .filter(row -> verdicts.containsKey(row) && !split.heldOut(row))
                .forEach(promoted::add);
    }

    /** A snapshot for another thread (an export), without the undo stack. */
    public ReviewLog copy() {
        ReviewLog copy = new ReviewLog();
        copy.verdicts.putAll(verdicts);
        copy.promoted.addAll(promoted);
        copy.split = split;
        return copy;
    }

    private HumanVerdict change(int row, HumanVerdict before, HumanVerdict now) {
        verdicts.put(row, now);
        undo.push(new Change(row, before));
        listener.verdictChanged(row, now);
        return now;
    }
}
