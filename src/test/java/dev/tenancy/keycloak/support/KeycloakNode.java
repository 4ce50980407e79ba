package dev.tenancy.keycloak.support;

/**
 * A Keycloak server the tests send requests to: the single test server ({@link KeycloakServer}) or one node of
 * the test cluster ({@link KeycloakCluster}).
 */
public interface KeycloakNode {

    /** {@code http://localhost:<port>}. */
    String baseUrl();

    /** Counts the node's starts, so that tokens cached from before a restart are not reused. */
    int generation();
}
