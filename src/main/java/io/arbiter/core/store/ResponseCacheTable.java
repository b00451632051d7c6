package io.arbiter.core.store;

import io.arbiter.core.llm.ChatReply;
import io.arbiter.core.llm.ResponseCache;
import io.arbiter.core.llm.Usage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code response_cache} table: replies already paid for, by request key, kept across runs and run deletions.
 * A key keeps its first reply.
 */
public final class ResponseCacheTable implements ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCacheTable.class.getName());

    private final ProjectFile file;

    ResponseCacheTable(ProjectFile file) {
        this.file = file;
    }

    @Override
    public Optional<ChatReply> cached(String requestKey) {
        // Prepared once: a realtime run looks up every request, many times a second.
        return file.readKept(
                "SELECT text, prompt_tokens, completion_tokens, reasoning FROM response_cache WHERE request_key = ?",
                lookup -> {
                    lookup.setString(1, requestKey);
                    try (ResultSet rows = lookup.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new ChatReply(
                                rows.getString(1),
                                new Usage(rows.getLong(2), rows.getLong(3)),
                                false,
                                rows.getString(4)));
                    }
                });
    }

    @Override
    public void cache(String requestKey, ChatReply reply) {
        file.write(insert(requestKey, reply));
    }

    /**
     * Queues the reply for the cache and returns at once. The single writer commits in order, so the entry is in the
     * file once any write queued after it has returned: a run's ledger record right after it waits for both. That
     * spares each realtime request a commit of its own; a failure costs only a later cache miss.
     */
    @Override
    public void cacheSoon(String requestKey, ChatReply reply) {
        try {
            file.queue(insert(requestKey, reply)).exceptionally(e -> {
                notKept(e);
                return null;
            });
        } catch (StoreException e) {
            // The store is closing: the reply still goes to the run; only a later cache hit is lost.
            notKept(e);
        }
    }

    /**
     * A full or failing disk is reported once, where the run records its answers ("disk full while saving answers
     * …"); here it is only noted, without a trace, so as not to bury that message. Anything else is a bug: logged.
     */
    private void notKept(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (StoreException.kindOf(cause) != StoreException.Kind.OTHER) {
            LOG.log(Level.FINE, "Could not keep a reply in the response cache of {0}: {1}", new Object[] {
                file.path(), cause.getMessage()
            });
        } else {
            LOG.log(Level.WARNING, "Could not keep a reply in the response cache of " + file.path(), cause);
        }
    }

    private GroupCommitWriter.Work<Void> insert(String requestKey, ChatReply reply) {
        String now = file.now();
        return w -> {
            PreparedStatement insert = w.statement(
                    """
                    INSERT INTO response_cache (request_key, text, prompt_tokens, completion_tokens, created_at,
                                                reasoning)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_key) DO NOTHING""");
            insert.setString(1, requestKey);
            insert.setString(2, reply.content());
            insert.setLong(3, reply.usage().promptTokens());
            insert.setLong(4, reply.usage().completionTokens());
            insert.setString(5, now);
            Sql.setNullable(insert, 6, reply.reasoning());
            insert.executeUpdate();
            return null;
        };
    }
}
