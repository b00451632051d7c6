package io.arbiter.core.metrics;

import java.util.List;

/**
 * The judge as a classifier of base correctness: its 2×2 table and every statistic of it with a 95% interval
 * (Wilson for the proportions, the seeded percentile bootstrap for the rest).
 */
public record JudgeAgreement(
        AgreementTable table,
        Estimate agreement,
        Estimate kappa,
        Estimate ac1,
        Estimate mcc,
        Estimate sensitivity,
        Estimate specificity,
        Estimate precision,
        Estimate balancedAccuracy) {

    public static JudgeAgreement of(AgreementTable t, Bootstrap bootstrap) {
        List<AgreementTable> resamples = bootstrap.resample(t);
        return new JudgeAgreement(
                t,
                Wilson.interval(t.tp() + t.tn(), t.n()),
                Bootstrap.estimate(t, resamples, AgreementTable::kappa),
                Bootstrap.estimate(t, resamples, AgreementTable::ac1),
                Bootstrap.estimate(t, resamples, AgreementTable::mcc),
                Wilson.interval(t.tp(), t.right()),
                Wilson.interval(t.tn(), t.wrong()),
                Wilson.interval(t.tp(), t.judgedCorrect()),
                Bootstrap.estimate(t, resamples, AgreementTable::balancedAccuracy));
    }
}
