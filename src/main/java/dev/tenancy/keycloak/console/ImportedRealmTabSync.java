package dev.tenancy.keycloak.console;

import dev.tenancy.keycloak.config.ConsoleTabMirror;
import dev.tenancy.keycloak.config.TenancyConfigStore;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/** After a realm is created or imported with a tenancy configuration, the console tab shows it. */
final class ImportedRealmTabSync implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created
                && created.getCreatedRealm().getAttribute(TenancyConfigStore.ATTRIBUTE) != null) {
            RealmModel realm = created.getCreatedRealm();
            ConsoleTabMirror.refresh(realm, TenancyConfigStore.read(realm));
        }
    }
}
