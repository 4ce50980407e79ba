package dev.tenancy.keycloak.cluster;

/**
 * Text values under text keys that every node of the cluster sees, with atomic conditional updates and a
 * lifespan: what the extension keeps outside the database. Only strings, which Keycloak's caches marshal
 * natively.
 */
public interface SharedStrings {

    /** The value, or null when there is none or it expired. */
    String get(String key);

    /** Stores the value unless the key has one; true when stored. */
    boolean putIfAbsent(String key, String value, long lifespanMillis);

    /** Replaces {@code expected} by {@code value}; false when the key holds anything else (or nothing). */
    boolean replace(String key, String expected, String value, long lifespanMillis);

    /** Stores the value, whatever the key held. */
    void put(String key, String value, long lifespanMillis);

    /** Removes the value if it still is {@code expected}. */
    boolean remove(String key, String expected);

    /** This node's name in the cluster. */
    String node();

    /** Whether the named node is in the current cluster view (this node always is). */
    boolean isMember(String node);
}
