package dev.tenancy.keycloak.scope;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Gives every realm the {@link TenancyClientScope}: a new or imported realm when it is created (after the
 * import, so an imported scope of that name is kept), and every existing realm once the server has started.
 */
public final class TenancyClientScopeInstaller implements ProviderEventListener {

    private final KeycloakSessionFactory factory;

    public TenancyClientScopeInstaller(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            TenancyClientScope.ensure(created.getCreatedRealm());
        } else if (event instanceof PostMigrationEvent) {
            KeycloakModelUtils.runJobInTransaction(factory, session ->
                    session.realms().getRealmsStream().toList().forEach(TenancyClientScope::ensure));
        }
    }
}
