package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.cluster.SharedStrings;
import dev.tenancy.keycloak.cluster.WorkCache;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * Counts failed key presentations per realm, client and address in one-minute windows that start with the
 * first failure; past the limit, a caller's failures get 429 until the window ends. Only failures: a working
 * key is answered whatever its caller's budget, so spending a client's budget (its backend's address is
 * shared by all its users) locks nobody out. The windows live in Keycloak's
 * replicated work cache, so the limit counts across the cluster: 30 failures split over two nodes are 30.
 * A successful presentation only reads (one or two local reads, no network); a failure updates its window
 * atomically (compare and replace), which every node receives before the answer goes out.
 *
 * <p>Memory stays bounded whatever a scanner sends: a window expires with its minute (the cache drops it),
 * and each node opens at most {@value #MAX_NEW_PER_MINUTE} windows per minute; past that, new callers of the
 * realm and client share one overflow window, so spreading guesses over many addresses gains nothing. The key
 * exchange and both introspection paths spend the same budget.
 */
final class FailedAttempts {

    private static final Logger LOG = Logger.getLogger(FailedAttempts.class);

    static final int LIMIT_PER_WINDOW = 30;
    static final long WINDOW_MILLIS = 60_000;
    static final int MAX_NEW_PER_MINUTE = 50_000;
    private static final String PREFIX = "tenancy-apikey-failures::";
    private static final String OVERFLOW = "*";
    private static final String UNPARSED = "?";
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("\\[?[0-9A-Fa-f:.]+]?");
    /** Compare-and-replace rounds before a failure is given up (only under a storm of failures of one caller). */
    private static final int MAX_ROUNDS = 20;

    private final SharedStrings windows;
    private final NewWindows opened;

    FailedAttempts(SharedStrings windows, NewWindows opened) {
        this.windows = windows;
        this.opened = opened;
    }

    /** This node's view of the cluster's windows. */
    static FailedAttempts of(KeycloakSession session) {
        return new FailedAttempts(WorkCache.of(session),
                ApiKeyGrantTypeFactory.of(session.getKeycloakSessionFactory()).newWindows());
    }

    /** Seconds until the caller may try again, or 0 when they may try now. */
    long retryAfterSeconds(String realmId, String clientId, String address, long now) {
        String caller = key(realmId, clientId, callerAddress(address));
        Window window = Window.parse(windows.get(caller));
        if (window == null) {
            window = Window.parse(windows.get(key(realmId, clientId, OVERFLOW)));
        }
        return window == null ? 0 : window.retryAfterSeconds(now);
    }

    void record(String realmId, String clientId, String address, long now) {
        String caller = key(realmId, clientId, callerAddress(address));
        if (windows.get(caller) == null && !opened.mayOpen(now)) {
            caller = key(realmId, clientId, OVERFLOW);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String current = windows.get(caller);
            Window window = Window.parse(current);
            if (window == null || window.over(now)) {
                Window fresh = new Window(now, 1);
                boolean stored = current == null
                        ? windows.putIfAbsent(caller, fresh.text(), WINDOW_MILLIS)
                        : windows.replace(caller, current, fresh.text(), WINDOW_MILLIS);
                if (stored) {
                    return;
                }
            } else if (windows.replace(caller, current, new Window(window.start(), window.failures() + 1).text(),
                    Math.max(1, window.start() + WINDOW_MILLIS - now))) {
                return;
            }
        }
        LOG.debugf("A failed API key attempt was not counted: its window changed %d times meanwhile", MAX_ROUNDS);
    }

    private static String key(String realmId, String clientId, String caller) {
        return PREFIX + realmId + '\n' + clientId + '\n' + caller;
    }

    /**
     * The address a window is kept for: an IPv4 address as it is, an IPv6 address cut to its /64 (one host
     * holds a whole /64), anything else — which a forwarded header can make up freely — as one shared
     * "unparsed" caller, so made-up addresses neither get fresh budgets nor grow the cache by their length.
     */
    static String callerAddress(String address) {
        if (address == null || address.length() > 45) {
            return UNPARSED;
        }
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (address.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(address).matches()) {
            try {
                // A literal with a colon is parsed, never looked up in DNS.
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return UNPARSED;
            }
        }
        return UNPARSED;
    }

    /** {@code <start millis>/<failures>}: a string, which the cache marshals natively. */
    private record Window(long start, int failures) {

        /** The window of {@code text}; null for none, and for a value this version cannot read (a newer node's). */
        static Window parse(String text) {
            if (text == null) {
                return null;
            }
            int slash = text.indexOf('/');
            try {
                return new Window(Long.parseLong(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
            } catch (RuntimeException e) {
                return null;
            }
        }

        String text() {
            return start + "/" + failures;
        }

        boolean over(long now) {
            return now - start >= WINDOW_MILLIS;
        }

        long retryAfterSeconds(long now) {
            if (over(now) || failures < LIMIT_PER_WINDOW) {
                return 0;
            }
            return Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
        }
    }

    /** How many windows this node opened in the current minute, against {@link #MAX_NEW_PER_MINUTE}. */
    static final class NewWindows {

        private final int limit;
        private final AtomicLong minuteAndCount = new AtomicLong();

        NewWindows(int limit) {
            this.limit = limit;
        }

        /** Counts one more window in {@code now}'s minute; false once the minute has had its limit. */
        boolean mayOpen(long now) {
            long minute = now / WINDOW_MILLIS;
            long updated = minuteAndCount.updateAndGet(packed -> {
                long count = packed >>> 32 == minute ? packed & 0xFFFF_FFFFL : 0;
                return minute << 32 | Math.min(count + 1, (long) limit + 1);
            });
            return (updated & 0xFFFF_FFFFL) <= limit;
        }
    }
}
