package dev.tenancy.keycloak.console;

import dev.tenancy.keycloak.config.TenancyConfigChanged;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps the admin console's tenancy tab showing the realm's configuration: after it was replaced (through the
 * REST API, the tab itself or the tenancy console), and after a realm is created or imported with one.
 */
final class ConsoleTabSync implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof TenancyConfigChanged changed) {
            ConsoleTabMirror.refresh(changed.realm(), changed.config());
        } else if (event instanceof RealmModel.RealmPostCreateEvent created
                && created.getCreatedRealm().getAttribute(TenancyConfigAttribute.ATTRIBUTE) != null) {
            RealmModel realm = created.getCreatedRealm();
            ConsoleTabMirror.refresh(realm, TenancyConfigAttribute.read(realm));
        }
    }
}
