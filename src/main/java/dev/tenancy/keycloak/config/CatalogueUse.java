package dev.tenancy.keycloak.config;

import java.util.Set;

/**
 * What a realm's tenants make of its role and module catalogues: which roles members hold, and the tenants'
 * own settings per role and module. {@link ConfigService} asks before a catalogue changes; the tenant feature
 * answers, so configuration need not know how tenants store their data.
 */
public interface CatalogueUse {

    /** The roles at least one member of a tenant of the realm holds. */
    Set<String> heldRoles();

    /** Drops what tenants set for roles and modules that no longer exist. */
    void forget(Set<String> roles, Set<String> modules);
}
