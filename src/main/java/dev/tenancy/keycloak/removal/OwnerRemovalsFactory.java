package dev.tenancy.keycloak.removal;

import dev.tenancy.keycloak.TenancyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * A feature's removals as a provider factory of {@link OwnerRemovalSpi}: Keycloak loads one per feature, and each
 * registers its own {@link OwnerRemovalEvents} at start, as Keycloak's own storage factories do for their data.
 * A feature's cleanup implements this and the removals it needs; it is its own (stateless) provider.
 */
public interface OwnerRemovalsFactory extends TenancyProviderFactory<OwnerRemovals>, OwnerRemovals {

    @Override
    default OwnerRemovals create(KeycloakSession session) {
        return this;
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        factory.register(new OwnerRemovalEvents(this));
    }

    @Override
    default void close() {
    }
}
