package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigJson;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/** A tenant's overrides of the realm's role × module defaults, and the matrix that results. */
public final class ModuleService {

    private static final int MAX_MODULES = 200;
    private static final int MAX_ROLES = 50;

    private final RealmModel realm;
    private final TenantStore store;
    private final TenancyAudit audit;

    public ModuleService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.realm = realm;
        this.store = new TenantStore(session, realm.getId());
        this.audit = audit;
    }

    /** {@code {"overrides": {module: {role: level}}, "effective": {module: {role: level}}}}. */
    public Overrides view(OrganizationModel tenant) {
        SortedMap<String, SortedMap<String, ModuleLevel>> overrides = store.overridesOfTenant(tenant.getId());
        return new Overrides(labels(overrides),
                labels(EffectivePermissions.matrix(TenancyConfigAttribute.read(realm), overrides)));
    }

    /** {@code {"overrides": {module: {role: level}}, "effective": {module: {role: level}}}}. */
    public record Overrides(Map<String, Map<String, String>> overrides, Map<String, Map<String, String>> effective) {
    }

    /**
     * Replaces all overrides of the tenant with the body {@code {module: {role: level}}} (as sent: an unknown
     * module is named before its levels are read), when the grantor may make every change in levels that this
     * amounts to.
     */
    public Overrides replace(OrganizationModel tenant, Map<String, Object> body, Grantor grantor) {
        TenancyConfig config = TenancyConfigAttribute.read(realm);
        SortedMap<String, SortedMap<String, ModuleLevel>> overrides = new TreeMap<>();
        for (Map.Entry<String, Object> module : Fields.names("body", body, Fields.NAME, MAX_MODULES).entrySet()) {
            if (!config.hasModule(module.getKey())) {
                throw TenancyException.invalid("Unknown module '" + module.getKey() + "'");
            }
            if (!(module.getValue() instanceof Map<?, ?> levels)) {
                throw TenancyException.invalid("'" + module.getKey() + "' must be a JSON object");
            }
            SortedMap<String, ModuleLevel> byRole = new TreeMap<>();
            Fields.names(module.getKey(), levels(levels), Fields.NAME, MAX_ROLES).forEach((role, level) -> {
                if (!config.hasRole(role)) {
                    throw TenancyException.invalid("'" + module.getKey() + "' names unknown role '" + role + "'");
                }
                byRole.put(role, TenancyConfigJson.readLevel(level, module.getKey() + "." + role));
            });
            overrides.put(module.getKey(), byRole);
        }
        grantor.requireMayOverride(overrides);
        store.replaceOverrides(tenant.getId(), overrides);
        audit.tenantChange(TenancyResourceType.TENANCY_MODULES, OperationType.UPDATE, tenant.getId(), labels(overrides),
                "tenants", tenant.getId(), "modules");
        return view(tenant);
    }

    private static Map<String, Object> levels(Map<?, ?> levels) {
        Map<String, Object> byRole = new LinkedHashMap<>();
        levels.forEach((role, level) -> byRole.put((String) role, level));
        return byRole;
    }

    private static Map<String, Map<String, String>> labels(SortedMap<String, SortedMap<String, ModuleLevel>> matrix) {
        Map<String, Map<String, String>> json = new LinkedHashMap<>();
        matrix.forEach((module, levels) -> json.put(module, ModuleLevel.labels(levels)));
        return json;
    }
}
