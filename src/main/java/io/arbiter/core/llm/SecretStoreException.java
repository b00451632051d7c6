package io.arbiter.core.llm;

/** A secret store that could not do what was asked; the message says why and never contains the secret. */
public final class SecretStoreException extends Exception {

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
