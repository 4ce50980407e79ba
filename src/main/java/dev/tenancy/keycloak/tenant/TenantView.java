package dev.tenancy.keycloak.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.keycloak.models.OrganizationModel;

/** A tenant as the APIs show it: the organization's identity; an unset description is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(String id, String name, String alias, String description, boolean enabled) {

    public static TenantView of(OrganizationModel organization) {
        return new TenantView(organization.getId(), organization.getName(), organization.getAlias(),
                organization.getDescription(), organization.isEnabled());
    }
}
