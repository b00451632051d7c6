package io.arbiter.core.llm;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: the macOS Keychain, the Windows Credential Manager, or on
 * Linux a Secret Service (GNOME Keyring, KeePassXC) or KWallet reached over D-Bus. Whether one is there is found out
 * on first use, once per process, and said in plain words when it is not.
 */
public final class OsKeychain implements SecretStore {

    private static final OsKeychain SHARED = new OsKeychain(System.getProperty("os.name", ""), System.getenv());

    private final String osName;
    private final Map<String, String> environment;
    private boolean opened;
    private Keyring keyring;
    private String unavailableReason;

    OsKeychain(String osName, Map<String, String> environment) {
        this.osName = osName;
        this.environment = environment;
    }

    /** The one keychain of this process, shared so it is probed and opened only once. */
    public static OsKeychain shared() {
        return SHARED;
    }

    @Override
    public synchronized Optional<String> unavailableReason() {
        open();
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public Optional<String> read(String service, String account) throws SecretStoreException {
        Keyring open = require();
        try {
            return Optional.ofNullable(open.getPassword(service, account)).filter(s -> !s.isEmpty());
        } catch (PasswordAccessException e) {
            // java-keyring signals "no such entry" with this exception, but also a refused prompt or a locked
            // keychain: only the first is "no key stored".
            if (notFound(e)) {
                return Optional.empty();
            }
            throw new SecretStoreException("The OS keychain could not be read: " + ProviderErrors.rootMessage(e), e);
        } catch (RuntimeException e) {
            throw new SecretStoreException("The OS keychain could not be read: " + ProviderErrors.rootMessage(e), e);
        }
    }

    @Override
    public void write(String service, String account, String secret) throws SecretStoreException {
        Keyring open = require();
        try {
            open.setPassword(service, account, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new SecretStoreException("The OS keychain did not take the key: " + ProviderErrors.rootMessage(e), e);
        }
    }

    @Override
    public void delete(String service, String account) throws SecretStoreException {
        Keyring open = require();
        try {
            open.deletePassword(service, account);
        } catch (PasswordAccessException e) {
            if (!notFound(e)) { // nothing to remove is what was wanted; anything else left the key where it was
                throw new SecretStoreException(
                        "The OS keychain did not remove the key: " + ProviderErrors.rootMessage(e), e);
            }
        } catch (RuntimeException e) {
            throw new SecretStoreException(
                    "The OS keychain did not remove the key: " + ProviderErrors.rootMessage(e), e);
        }
    }

    /**
     * Whether the backend said there is no such entry (macOS: errSecItemNotFound, -25300; Windows: "not found";
     * Secret Service: "no existing credential"), as opposed to a refusal or a locked keychain.
     */
    static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("not found")
                    || message.contains("could not be found")
                    || message.contains("-25300")
                    || message.contains("no existing")
                    || message.contains("does not exist")
                    || message.contains("no such")) {
                return true;
            }
        }
        return false;
    }

    private synchronized Keyring require() throws SecretStoreException {
        open();
        if (keyring == null) {
            throw new SecretStoreException(unavailableReason, null);
        }
        return keyring;
    }

    private void open() {
        if (opened) {
            return;
        }
        opened = true;
        if (!macOrWindows(osName) && !hasSessionBus(environment)) {
            // Without a session bus there is no Secret Service to find, and dbus-java would try to autolaunch a
            // private bus daemon of its own, which outlives Arbiter and holds no keys.
            unavailableReason = explain(osName, environment, null);
            return;
        }
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            unavailableReason = explain(osName, environment, e);
        }
    }

    private static boolean macOrWindows(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("windows");
    }

    private static boolean hasSessionBus(Map<String, String> environment) {
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        return bus != null && !bus.isBlank();
    }

    /** Why no keychain could be opened, from what the OS and its session show rather than from a fixed list. */
    static String explain(String osName, Map<String, String> environment, Throwable failure) {
        if (macOrWindows(osName)) {
            return "The OS keychain could not be opened (" + ProviderErrors.rootMessage(failure) + ").";
        }
        if (!hasSessionBus(environment)) {
            return "No OS keychain found: on Linux it is reached over the desktop session's D-Bus, and this session "
                    + "has none (DBUS_SESSION_BUS_ADDRESS is not set).";
        }
        return "No OS keychain found: on Linux this needs a Secret Service such as GNOME Keyring or KeePassXC, "
                + "or KWallet, running in your desktop session.";
    }
}
