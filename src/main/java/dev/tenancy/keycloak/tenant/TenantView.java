package dev.tenancy.keycloak.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.OrganizationModel;

/** A tenant as the APIs show it: the organization's identity. */
public record TenantView(String id, String name, String alias, String description, boolean enabled) {

    public static TenantView of(OrganizationModel organization) {
        return new TenantView(organization.getId(), organization.getName(), organization.getAlias(),
                organization.getDescription(), organization.isEnabled());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("alias", alias);
        json.put("description", description);
        json.put("enabled", enabled);
        return json;
    }
}
