package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.claims.TenancyScopeSetup;
import dev.tenancy.keycloak.console.TenancyConsoleClient;
import dev.tenancy.keycloak.scope.TenancyClientScope;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Gives every realm the {@link TenancyClientScope} and the {@link TenancyConsoleClient}: a new or imported realm
 * when it is created (after the import, so an imported scope or client of that name is kept), and every existing
 * realm once the server has started.
 */
final class TenancyRealmSetup implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(TenancyRealmSetup.class);

    private final KeycloakSessionFactory factory;

    TenancyRealmSetup(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            ensure(created.getCreatedRealm());
        } else if (event instanceof PostMigrationEvent) {
            List<String> realmIds = new ArrayList<>();
            KeycloakModelUtils.runJobInTransaction(factory, session ->
                    session.realms().getRealmsStream().forEach(realm -> realmIds.add(realm.getId())));
            // One transaction per realm: a node starting beside another that adds the same scope fails for
            // that realm alone, and the other node's scope stands.
            for (String realmId : realmIds) {
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> {
                        RealmModel realm = session.realms().getRealm(realmId);
                        if (realm != null) {
                            ensure(realm);
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.warnf("Could not ensure the client scope '%s' and the client '%s' in realm %s (another node "
                            + "may have added them at the same time): %s", TenancyClientScope.NAME,
                            TenancyConsoleClient.CLIENT_ID, realmId, e.getMessage());
                }
            }
        }
    }

    private static void ensure(RealmModel realm) {
        TenancyScopeSetup.ensure(realm);
        TenancyConsoleClient.ensure(realm);
    }
}
