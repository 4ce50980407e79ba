package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.CatalogueUse;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The tenants' use of a realm's role and module catalogues, from the member-role and override tables. */
public final class TenantCatalogueUse implements CatalogueUse {

    private final TenantStore store;

    public TenantCatalogueUse(KeycloakSession session, RealmModel realm) {
        this.store = new TenantStore(session, realm.getId());
    }

    @Override
    public Set<String> heldRoles() {
        Set<String> held = new TreeSet<>();
        store.roleHolderCounts().forEach((role, holders) -> {
            if (holders > 0) {
                held.add(role);
            }
        });
        return held;
    }

    @Override
    public void forget(Set<String> roles, Set<String> modules) {
        store.deleteOverridesOf(roles, modules);
    }
}
