package io.arbiter.core.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens the way OpenAI's current models do (o200k_base). Other providers' tokenizers differ by a few per
 * cent, which is close enough for a budget before a run; the reported usage afterwards is exact.
 */
public final class TokenCounter {

    /** What a chat message costs beyond its text (role and separators), per OpenAI's published counting. */
    public static final int PER_MESSAGE = 4;
    /** Tokens that prime every reply. */
    public static final int PER_REPLY = 3;

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private TokenCounter() {}

    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokens(text);
    }

    /** Input tokens of a request with a system and a user message. */
    public static int prompt(String system, String user) {
        int tokens = PER_REPLY + PER_MESSAGE + count(user);
        if (system != null && !system.isEmpty()) {
            tokens += PER_MESSAGE + count(system);
        }
        return tokens;
    }
}
