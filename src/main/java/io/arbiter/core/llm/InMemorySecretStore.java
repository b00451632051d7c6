package io.arbiter.core.llm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A secret store that lives only as long as the process: for tests, and for looking at screens without a keychain. */
public final class InMemorySecretStore implements SecretStore {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final String unavailableReason;

    /** A store that works. */
    public InMemorySecretStore() {
        this(null);
    }

    private InMemorySecretStore(String unavailableReason) {
        this.unavailableReason = unavailableReason;
    }

    /** A store that refuses every call with {@code reason}, as an OS without a keychain would. */
    public static InMemorySecretStore unavailable(String reason) {
        return new InMemorySecretStore(reason);
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public Optional<String> read(String service, String account) throws SecretStoreException {
        refuseIfUnavailable();
        return Optional.ofNullable(secrets.get(key(service, account)));
    }

    @Override
    public void write(String service, String account, String secret) throws SecretStoreException {
        refuseIfUnavailable();
        secrets.put(key(service, account), secret);
    }

    @Override
    public void delete(String service, String account) throws SecretStoreException {
        refuseIfUnavailable();
        secrets.remove(key(service, account));
    }

    private void refuseIfUnavailable() throws SecretStoreException {
        if (unavailableReason != null) {
            throw new SecretStoreException(unavailableReason, null);
        }
    }

    private static String key(String service, String account) {
        return service + '\u0000' + account;
    }
}
