package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.error.TenancyException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/** Access to Keycloak's organization provider, refusing realms that have organizations switched off. */
final class Tenancy {

    private Tenancy() {
    }

    static OrganizationProvider organizations(KeycloakSession session, RealmModel realm) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        if (organizations == null || !realm.isOrganizationsEnabled()) {
            throw TenancyException.conflict("Organizations are disabled in realm '" + realm.getName()
                    + "'; tenants are organizations, so enable them in the realm settings first");
        }
        return organizations;
    }
}
