package io.arbiter.core.llm;

import java.util.Optional;

/**
 * A place outside Arbiter's own files where API keys are kept, such as the OS keychain. Secrets go in and come out
 * only through here; profiles, projects and logs hold the entry's name at most. Calls may block (a D-Bus round trip,
 * an OS prompt): make them off the FX thread.
 */
public interface SecretStore {

    /** Why the store cannot be used, in plain words; empty when it can. The first call may take a moment. */
    Optional<String> unavailableReason();

    default boolean available() {
        return unavailableReason().isEmpty();
    }

    /** The secret kept under {@code service}/{@code account}; empty when there is none. */
    Optional<String> read(String service, String account) throws SecretStoreException;

    /** Keeps {@code secret} under {@code service}/{@code account}, replacing what was there. */
    void write(String service, String account, String secret) throws SecretStoreException;

    /** Forgets the secret under {@code service}/{@code account}; nothing happens when there is none. */
    void delete(String service, String account) throws SecretStoreException;
}
