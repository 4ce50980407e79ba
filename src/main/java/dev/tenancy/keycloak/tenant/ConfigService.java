package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResource;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigJson;
import dev.tenancy.keycloak.config.TenancyConfigRepresentation;
import dev.tenancy.keycloak.config.TenancyConfigStore;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Reads and replaces a realm's tenancy configuration. A role still held by a member cannot be removed;
 * overrides for removed roles and modules go with them.
 */
public final class ConfigService {

    private final RealmModel realm;
    private final TenantStore store;
    private final TenancyAudit audit;

    public ConfigService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.realm = realm;
        this.store = new TenantStore(session, realm.getId());
        this.audit = audit;
    }

    public TenancyConfigRepresentation view() {
        return TenancyConfigJson.write(TenancyConfigStore.read(realm));
    }

    public TenancyConfigRepresentation replace(TenancyConfig config) {
        TenancyConfig previous = TenancyConfigStore.read(realm);
        Set<String> stillHeld = new TreeSet<>();
        store.roleHolderCounts().forEach((role, holders) -> {
            if (holders > 0 && !config.hasRole(role)) {
                stillHeld.add(role);
            }
        });
        if (!stillHeld.isEmpty()) {
            throw TenancyException.conflict("Roles " + stillHeld
                    + " are still held by tenant members; take them away before removing the roles");
        }
        Set<String> removedRoles = new TreeSet<>(previous.roles().keySet());
        removedRoles.removeAll(config.roles().keySet());
        Set<String> removedModules = new TreeSet<>(previous.modules().keySet());
        removedModules.removeAll(config.modules().keySet());
        store.deleteOverridesOf(removedRoles, removedModules);
        TenancyConfigStore.write(realm, config);
        TenancyConfigRepresentation view = TenancyConfigJson.write(config);
        audit.realmChange(TenancyResource.TENANCY_CONFIG, OperationType.UPDATE, view, "config");
        return view;
    }

    public TenancyConfigRepresentation replace(TenancyConfigRepresentation body) {
        return replace(TenancyConfigJson.read(body));
    }
}
