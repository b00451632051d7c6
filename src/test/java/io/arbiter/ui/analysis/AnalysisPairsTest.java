package io.arbiter.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.arbiter.core.run.RowRatings;
import io.arbiter.core.scheme.ReviewMark;
import io.arbiter.ui.common.SameThreadTaskExecutor;
import io.arbiter.ui.results.PairRows;
import io.arbiter.ui.results.ResultsTableRow;
import io.arbiter.ui.results.ResultsViewModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Judge analysis on a pairwise run: the pair figures are {@code PairFigures}' own over the dataset's preferences and
 * reviewers', worked by hand in {@code ResultsPairTest}, and each opens the rows it counts.
 */
class AnalysisPairsTest {

    private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    private final ResultsViewModel results = new ResultsViewModel(executor);
    private final AtomicInteger shownResults = new AtomicInteger();
    private final AnalysisViewModel model = new AnalysisViewModel(
            executor,
            results,
            shownResults::incrementAndGet,
            () -> new RowRatings(PairRows.SCHEME, PairRows.DATASET, PairRows.MAPPING));

    @BeforeEach
    void finishAPairwiseRun() {
        PairRows.showIn(results);
    }

    @Test
    void thePairFiguresReplaceThePassFailOnes() {
        AnalysisFigures figures = model.figuresProperty().get();
        assertNotNull(figures);
        PairSection pairs = figures.pairs();
        assertNotNull(pairs, "a pairwise run shows its pair figures");
        assertNull(figures.scores());
        assertEquals("Pairwise: A against B, both orders · 6 rows", pairs.title());
        assertEquals(0.6, pairs.winRate().bar().estimate().value(), 1e-12);
        assertEquals(5, pairs.winRate().bar().estimate().n());
        assertEquals(
                List.of(2L, 1L, 1L, 1L, 1L),
                pairs.outcomes().stream().map(PairSection.Count::count).toList());
        assertEquals(0.8, pairs.position().get(0).bar().estimate().value(), 1e-12);
        assertEquals(6.0 / 9, pairs.position().get(1).bar().estimate().value(), 1e-12);
        assertEquals(0.6, pairs.human().get(0).bar().estimate().value(), 1e-12);
        assertEquals(7.0 / 17, pairs.human().get(1).bar().estimate().value(), 1e-12);
        assertEquals(5, pairs.humanN());
        // Judge rows A, B, tie; people's columns. Row 4 (inconsistent) counts as a tie against people's A.
        assertEquals(
                List.of(List.of(1L, 1L, 0L), List.of(0L, 1L, 0L), List.of(1L, 0L, 1L)),
                pairs.confusion().stream()
                        .map(line -> line.stream()
                                .map(AnalysisFigures.HeatCell::count)
                                .toList())
                        .toList());
    }

    @Test
    void aClickOnAFigureShowsItsRows() {
        PairSection pairs = model.figuresProperty().get().pairs();

        model.showRows(pairs.confusion().get(2).get(0).rows()); // judge tie (inconsistent), people A
        assertEquals(List.of(4), shownIndices());
        model.showRows(pairs.outcomes().get(3).rows());
        assertEquals(List.of(4), shownIndices());
        model.showRows(pairs.winRate().bar().rows());
        assertEquals(List.of(0, 1, 2, 3, 4), shownIndices(), "the win rate's rows: every order parsed");
        model.showRows(pairs.human().get(1).bar().rows());
        assertEquals(List.of(0, 1, 2, 3, 4), shownIndices());
        assertEquals(4, shownResults.get());
    }

    @Test
    void aReviewersPreferenceCountsInTheFigures() {
        ResultsTableRow row = results.rows().get(1); // judge A, dataset B
        ReviewMark a = results.scheme().reviewMarks().get(0);
        assertEquals("A", a.key());

        results.reviewing().label(row, a);

        PairSection pairs = model.figuresProperty().get().pairs();
        assertEquals(0.8, pairs.human().get(0).bar().estimate().value(), 1e-12, "4 of 5 now agree");
        assertEquals(2, pairs.confusion().get(0).get(0).count());
    }

    @Test
    void theAgainstChoiceLeavesPairsToPeoplesPreferences() {
        model.againstProperty().set(AnalysisViewModel.Against.TRUTH);
        assertEquals(
                0.6,
                model.figuresProperty()
                        .get()
                        .pairs()
                        .human()
                        .get(0)
                        .bar()
                        .estimate()
                        .value(),
                1e-12);
        model.againstProperty().set(AnalysisViewModel.Against.HUMAN);
        assertEquals(
                0.6,
                model.figuresProperty()
                        .get()
                        .pairs()
                        .human()
                        .get(0)
                        .bar()
                        .estimate()
                        .value(),
                1e-12);
        assertEquals(
                0.6,
                model.figuresProperty().get().pairs().winRate().bar().estimate().value(),
                1e-12);
    }

    private List<Integer> shownIndices() {
        return results.rows().stream().map(ResultsTableRow::index).toList();
    }
}
