package dev.tenancy.keycloak.removal;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/**
 * What a feature does with its rows when something they belong to goes: a realm, a tenant, a user, a
 * membership or a group. Called by {@link OwnerRemovalEvents} inside Keycloak's removal, in the same
 * transaction; a feature implements the removals that concern it. Stateless: one instance serves every
 * session.
 */
public interface OwnerRemovals extends Provider {

    default void realmRemoved(KeycloakSession session, String realmId) {
    }

    default void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
    }

    default void userRemoved(KeycloakSession session, String realmId, String userId) {
    }

    /** The user left the tenant, through our API or Keycloak's. */
    default void memberLeft(KeycloakSession session, String realmId, String tenantId, String userId) {
    }

    default void groupRemoved(KeycloakSession session, String realmId, String groupId) {
    }

    @Override
    default void close() {
    }
}
