package dev.tenancy.keycloak.apikey;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed key presentations per realm, client and address in fixed one-minute windows; past the limit,
 * callers get 429 until the window ends. Kept in this node's memory: it slows down guessing and scanning,
 * it is not an accounting of every attempt across a cluster (each node allows the limit).
 */
final class FailedAttempts {

    static final int LIMIT_PER_WINDOW = 30;
    static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_TRACKED = 100_000;
    private static final ConcurrentMap<String, Window> WINDOWS = new ConcurrentHashMap<>();

    private FailedAttempts() {
    }

    private record Window(long start, int failures) {
    }

    /** Seconds until the caller may try again, or 0 when they may try now. */
    static long retryAfterSeconds(String realmId, String clientId, String address, long now) {
        Window window = WINDOWS.get(key(realmId, clientId, address));
        if (window == null || now - window.start() >= WINDOW_MILLIS || window.failures() < LIMIT_PER_WINDOW) {
            return 0;
        }
        return Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
    }

    static void record(String realmId, String clientId, String address, long now) {
        if (WINDOWS.size() > MAX_TRACKED) {
            WINDOWS.values().removeIf(window -> now - window.start() >= WINDOW_MILLIS);
        }
        WINDOWS.compute(key(realmId, clientId, address), (key, window) ->
                window == null || now - window.start() >= WINDOW_MILLIS
                        ? new Window(now, 1) : new Window(window.start(), window.failures() + 1));
    }

    private static String key(String realmId, String clientId, String address) {
        return realmId + '\n' + clientId + '\n' + address;
    }
}
