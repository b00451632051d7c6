package io.arbiter.core.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who judges each row and how often: the provider's judge model first, then any other jurors, each asked
 * {@code repeats} times. One juror asked once is the run as it was before juries; every further juror and repeat is a
 * {@link Stage#vote vote} of its own, with its own request, ledger row and cache entry.
 *
 * @param otherJurors   judge models after the provider's own, in the order given (their verdicts are the
 *                      {@code juror_2_evaluation} … columns); empty for one judge
 * @param repeats       how many times each juror judges each row, 1 or more; repeats after the first carry a seed of
 *                      their own, so a provider that honours seeds varies them reproducibly
 * @param shuffleLabels true to show the {@code {{labels}}} list in another order on each repeat after the first (the
 *                      label-order probe); the first repeat keeps the given order
 * @param providers     the saved profiles jurors name as {@code model@profile}, by name, once resolved; a juror
 *                      without {@code @} asks the run's provider
 */
public record JudgePanel(
        List<String> otherJurors, int repeats, boolean shuffleLabels, Map<String, JurorProvider> providers) {

    /** One judge, asked once. */
    public static final JudgePanel SINGLE = new JudgePanel(List.of(), 1, false);

    /** A panel whose jurors all ask the run's provider (or whose providers are resolved later). */
    public JudgePanel(List<String> otherJurors, int repeats, boolean shuffleLabels) {
        this(otherJurors, repeats, shuffleLabels, Map.of());
    }

    public JudgePanel {
        otherJurors = List.copyOf(otherJurors);
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        if (repeats < 1 || repeats > Stage.MAX_VOTES) {
            throw new IllegalArgumentException("Repeats must be 1 to " + Stage.MAX_VOTES + ", not " + repeats);
        }
        if (otherJurors.size() + 1 > Stage.MAX_VOTES) {
            throw new IllegalArgumentException("A jury has at most " + Stage.MAX_VOTES + " jurors");
        }
        for (String juror : otherJurors) {
            if (juror == null || juror.isBlank()) {
                throw new IllegalArgumentException("A juror needs a model name");
            }
        }
    }

    /**
     * The panel of {@code models} (the first is the provider's judge model) asked {@code repeats} times each; a model
     * named twice sits once, since its second seat would only repeat the first's requests.
     */
    public static JudgePanel of(List<String> models, int repeats, boolean shuffleLabels) {
        List<String> distinct = new ArrayList<>(
                new LinkedHashSet<>(models.stream().map(String::strip).toList()));
        return new JudgePanel(
                distinct.isEmpty() ? List.of() : distinct.subList(1, distinct.size()), repeats, shuffleLabels);
    }

    /** True for one judge asked once: no votes beyond {@link Stage#JUDGE}. */
    public boolean single() {
        return otherJurors.isEmpty() && repeats == 1;
    }

    /** True when several models judge each row. */
    public boolean jury() {
        return !otherJurors.isEmpty();
    }

    /** The number of jurors, the provider's judge included. */
    public int jurorCount() {
        return otherJurors.size() + 1;
    }

    /** Every juror's model in order: {@code judgeModel} (the provider's) first. */
    public List<String> jurors(String judgeModel) {
        List<String> all = new ArrayList<>(jurorCount());
        all.add(judgeModel);
        all.addAll(otherJurors);
        return List.copyOf(all);
    }

    /** The model of juror {@code juror} (0-based), the first being {@code judgeModel}; without its {@code @profile}. */
    public String model(int juror, String judgeModel) {
        return juror == 0 ? judgeModel : modelOf(otherJurors.get(juror - 1));
    }

    /** The provider juror {@code juror} (0-based) asks when it is not the run's; null for the run's own. */
    public JurorProvider provider(int juror) {
        String profile = juror == 0 ? null : profileOf(otherJurors.get(juror - 1));
        return profile == null ? null : providers.get(profile);
    }

    /** The profiles jurors name after {@code @}, each once, in the order given. */
    public List<String> profileNames() {
        return otherJurors.stream()
                .map(JudgePanel::profileOf)
                .filter(p -> p != null)
                .distinct()
                .toList();
    }

    /** True when a juror names a provider of its own. */
    public boolean otherProviders() {
        return !profileNames().isEmpty();
    }

    /**
     * The first juror whose own provider has no Batch API, to whom a batch run could not send its votes; empty when
     * every juror's provider has one or is the run's own.
     */
    public Optional<String> jurorWithoutBatchApi() {
        for (int juror = 1; juror < jurorCount(); juror++) {
            JurorProvider own = provider(juror);
            if (own != null && !own.hasBatchApi()) {
                return Optional.of(otherJurors.get(juror - 1));
            }
        }
        return Optional.empty();
    }

    /** The same panel with the named profiles resolved. */
    public JudgePanel withProviders(Map<String, JurorProvider> resolved) {
        return new JudgePanel(otherJurors, repeats, shuffleLabels, resolved);
    }

    /** A juror's model without its {@code @profile}: {@code llama-3.1-8b@groq} is {@code llama-3.1-8b}. */
    public static String modelOf(String juror) {
        int at = juror.lastIndexOf('@');
        return at > 0 && at < juror.length() - 1 ? juror.substring(0, at).strip() : juror;
    }

    /** The profile a juror names after its last {@code @}; null when it names none. */
    public static String profileOf(String juror) {
        int at = juror.lastIndexOf('@');
        return at > 0 && at < juror.length() - 1 ? juror.substring(at + 1).strip() : null;
    }

    /** Every judge stage a row goes through, juror by juror and repeat by repeat, {@link Stage#JUDGE} first. */
    public List<Stage> votes() {
        List<Stage> votes = new ArrayList<>(jurorCount() * repeats);
        for (int juror = 0; juror < jurorCount(); juror++) {
            for (int repeat = 0; repeat < repeats; repeat++) {
                votes.add(Stage.vote(juror, repeat));
            }
        }
        return List.copyOf(votes);
    }
}
