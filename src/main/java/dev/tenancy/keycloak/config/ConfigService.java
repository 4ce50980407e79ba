package dev.tenancy.keycloak.config;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigJson;
import dev.tenancy.keycloak.config.TenancyConfigRepresentation;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Reads and replaces a realm's tenancy configuration. A role still held by a member cannot be removed;
 * overrides for removed roles and modules go with them. A replacement is published as
 * {@link TenancyConfigChanged}, for whatever shows the configuration elsewhere (the admin console's tab).
 */
public final class ConfigService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CatalogueUse use;
    private final TenancyAudit audit;

    public ConfigService(KeycloakSession session, RealmModel realm, CatalogueUse use, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.use = use;
        this.audit = audit;
    }

    public TenancyConfigRepresentation view() {
        return TenancyConfigJson.write(TenancyConfigAttribute.read(realm));
    }

    public TenancyConfigRepresentation replace(TenancyConfig config) {
        TenancyConfig previous = TenancyConfigAttribute.read(realm);
        Set<String> stillHeld = new TreeSet<>(use.heldRoles());
        stillHeld.removeIf(config::hasRole);
        if (!stillHeld.isEmpty()) {
            throw TenancyException.conflict("Roles " + stillHeld
                    + " are still held by tenant members; take them away before removing the roles");
        }
        Set<String> removedRoles = new TreeSet<>(previous.roles().keySet());
        removedRoles.removeAll(config.roles().keySet());
        Set<String> removedModules = new TreeSet<>(previous.modules().keySet());
        removedModules.removeAll(config.modules().keySet());
        use.forget(removedRoles, removedModules);
        TenancyConfigAttribute.write(realm, config);
        session.getKeycloakSessionFactory().publish(new TenancyConfigChanged(realm, config));
        TenancyConfigRepresentation view = TenancyConfigJson.write(config);
        audit.realmChange(TenancyResourceType.TENANCY_CONFIG, OperationType.UPDATE, view, "config");
        return view;
    }

    public TenancyConfigRepresentation replace(TenancyConfigRepresentation body) {
        return replace(TenancyConfigJson.read(body));
    }
}
