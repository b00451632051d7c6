package io.arbiter.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temperature for the demo judge: above 0 it turns some verdicts the other way (and moves some scores a point), each
 * decided by a hash of the prompt and the request's {@code seed}, so a repeat with another seed may disagree with the
 * first while the same seed always gives the same reply. At temperature 0, the default, the demo stays exactly as
 * deterministic as it was: this is what lets repeats and their flip rate show something with no key.
 */
final class DemoSampling {

    /** The share of replies changed per unit of temperature, at most {@link #MOST}: 0.7 changes about one in ten. */
    private static final double PER_DEGREE = 0.15;

    private static final double MOST = 0.4;

    private static final Pattern VERDICT = Pattern.compile("(?i)(correct|incorrect)(\\W*)$");
    private static final Pattern SCORE = Pattern.compile("(Score: )(\\d+)(\\s*)$");

    private DemoSampling() {}

    /** The reply as a sampled model would give it for this request's temperature and seed. */
    static String vary(String reply, JsonNode body, String prompt) {
        return vary(reply, body, prompt, 0, Integer.MAX_VALUE);
    }

    /** As above, a moved score staying on the prompt's scale, {@code low} to {@code high}. */
    static String vary(String reply, JsonNode body, String prompt, int low, int high) {
        double temperature = body.path("temperature").asDouble(0);
        if (temperature <= 0) {
            return reply;
        }
        long seed = body.path("seed").asLong(0);
        long roll = Math.floorMod(DemoText.stableHash(prompt + "\n[seed]\n" + seed), 10_000L);
        if (roll >= Math.min(MOST, PER_DEGREE * temperature) * 10_000) {
            return reply;
        }
        Matcher verdict = VERDICT.matcher(reply);
        if (verdict.find()) {
            String other = verdict.group(1).equalsIgnoreCase("correct") ? "Incorrect" : "Correct";
            return reply.substring(0, verdict.start()) + other + verdict.group(2);
        }
        Matcher score = SCORE.matcher(reply);
        if (score.find()) {
            int points = Integer.parseInt(score.group(2));
            boolean up = (roll % 2 == 0 || points <= low) && points < high;
            int moved = up ? points + 1 : points - 1;
            return reply.substring(0, score.start()) + score.group(1) + moved + score.group(3);
        }
        return reply;
    }
}
