package io.arbiter.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CachingChatClientTest {

    private static final String URL = "http://127.0.0.1:9/v1";
    private static final ChatRequest REQUEST = new ChatRequest("m", "sys", "A sheriff rides.", 0.0, 16);
    private static final ChatReply WESTERN = new ChatReply("Western", new Usage(20, 1));

    private final InMemoryResponseCache cache = new InMemoryResponseCache();

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheWithoutCallingTheProvider() throws ChatFailure {
        ScriptedChatClient fake = new ScriptedChatClient().then(WESTERN);
        CachingChatClient client = new CachingChatClient(fake, cache, URL);

        ChatReply first = client.complete(REQUEST);
        ChatReply second = client.complete(new ChatRequest("m", "sys", "A sheriff rides.", 0.0, 16));

        assertSame(WESTERN, first);
        assertEquals(WESTERN.servedFromCache(), second);
        assertEquals(false, first.fromCache());
        assertEquals(true, second.fromCache(), "so the run can leave its tokens out of the cost");
        assertEquals(1, fake.calls);
        assertEquals(1, client.hits());
        assertEquals(1, client.misses());
    }

    @Test
    void failuresAreNeverCachedSoTheNextCallTriesAgain() throws ChatFailure {
        ScriptedChatClient fake = new ScriptedChatClient()
                .then(ChatFailure.http("The provider answered 503", 503, null, null, false, null))
                .then(WESTERN);
        CachingChatClient client = new CachingChatClient(fake, cache, URL);

        assertThrows(ChatFailure.class, () -> client.complete(REQUEST));
        assertEquals(0, cache.size());

        assertSame(WESTERN, client.complete(REQUEST));
        assertEquals(2, fake.calls);
        assertEquals(1, cache.size());
    }

    @Test
    void anotherProviderOrPromptIsNotACacheHit() throws ChatFailure {
        ScriptedChatClient fake =
                new ScriptedChatClient().then(WESTERN).then(WESTERN).then(WESTERN);

        new CachingChatClient(fake, cache, URL).complete(REQUEST);
        new CachingChatClient(fake, cache, "http://127.0.0.1:10/v1").complete(REQUEST);
        new CachingChatClient(fake, cache, URL).complete(new ChatRequest("m", "sys", "A sheriff rode.", 0.0, 16));

        assertEquals(3, fake.calls);
        assertEquals(3, cache.size());
    }
}
