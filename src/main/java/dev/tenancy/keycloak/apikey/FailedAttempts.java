package dev.tenancy.keycloak.apikey;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * Counts failed key presentations per realm, client and address in fixed one-minute windows; past the limit,
 * callers get 429 until the window ends. Kept in this node's memory, in a map of at most
 * {@value #MAX_TRACKED} windows that forgets the longest-untouched one first: no scan, no growth, whatever a
 * scanner sends. It slows down guessing and scanning; it is not an accounting of every attempt across a
 * cluster (each node allows the limit). One per node, held by {@link ApiKeyGrantTypeFactory}; the key exchange
 * and both introspection paths spend the same budget.
 */
final class FailedAttempts {

    static final int LIMIT_PER_WINDOW = 30;
    static final long WINDOW_MILLIS = 60_000;
    static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> windows;

    FailedAttempts(int capacity) {
        this.windows = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > capacity;
            }
        };
    }

    private record Window(long start, int failures) {
    }

    /** This node's windows. */
    static FailedAttempts of(KeycloakSession session) {
        return ApiKeyGrantTypeFactory.of(session.getKeycloakSessionFactory()).failedAttempts();
    }

    /** Seconds until the caller may try again, or 0 when they may try now. */
    long retryAfterSeconds(String realmId, String clientId, String address, long now) {
        return retryAfterSeconds(key(realmId, clientId, address), now);
    }

    void record(String realmId, String clientId, String address, long now) {
        record(key(realmId, clientId, address), now);
    }

    synchronized long retryAfterSeconds(String caller, long now) {
        Window window = windows.get(caller);
        if (window == null || now - window.start() >= WINDOW_MILLIS || window.failures() < LIMIT_PER_WINDOW) {
            return 0;
        }
        return Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
    }

    synchronized void record(String caller, long now) {
        Window window = windows.get(caller);
        windows.put(caller, window == null || now - window.start() >= WINDOW_MILLIS
                ? new Window(now, 1) : new Window(window.start(), window.failures() + 1));
    }

    synchronized int tracked() {
        return windows.size();
    }

    private static String key(String realmId, String clientId, String address) {
        return realmId + '\n' + clientId + '\n' + address;
    }
}
