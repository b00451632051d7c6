package io.arbiter.core.llm;

import java.time.Duration;
import java.util.List;

/**
 * What happens when a provider refuses a request's {@code response_format}: for a profile set to
 * {@link StructuredOutput#AUTO} the refusal is remembered ({@link StructuredOutputRefusals}) and the same request
 * goes again as plain text; for one set to {@link StructuredOutput#ON} it is the row's error, naming the profile and
 * the setting. Whether a request asks at all is decided where it is built ({@code StageRequests}). Sits above the
 * response cache, so the plain text request is looked up and kept under its own key.
 */
public final class StructuredOutputFallback implements ChatClient {

    private final ChatClient delegate;
    private final ProviderProfile profile;
    private final StructuredOutputRefusals refusals;

    public StructuredOutputFallback(ChatClient delegate, ProviderProfile profile, StructuredOutputRefusals refusals) {
        this.delegate = delegate;
        this.profile = profile;
        this.refusals = refusals;
    }

    @Override
    public ChatReply complete(ChatRequest request) throws ChatFailure {
        return complete(request, delegate::complete);
    }

    @Override
    public ChatReply complete(ChatRequest request, Duration timeout) throws ChatFailure {
        return complete(request, r -> delegate.complete(r, timeout));
    }

    /** One way of sending, with or without a time limit. */
    private interface Send {
        ChatReply send(ChatRequest request) throws ChatFailure;
    }

    private ChatReply complete(ChatRequest request, Send send) throws ChatFailure {
        if (request.outputSchema() == null) {
            return send.send(request);
        }
        try {
            return send.send(request);
        } catch (ChatFailure failure) {
            if (!StructuredOutputRefusals.isRefusal(failure)) {
                throw failure;
            }
            if (profile.structuredOutput() == StructuredOutput.ON) {
                throw failure.withMessage("The provider refused structured output (response_format): "
                        + failure.getMessage() + " The provider profile '" + profile.name()
                        + "' has Structured output set to On; set it to Auto (plain text when refused) or Off in "
                        + "Settings, or run with --structured-output auto.");
            }
            refusals.remember(profile);
            return send.send(request.withoutOutputSchema());
        }
    }

    @Override
    public List<String> models() throws ChatFailure {
        return delegate.models();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
