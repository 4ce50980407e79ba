package dev.tenancy.keycloak.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The built-in tenancy permissions a tenant role can grant. */
public enum TenancyPermission {
    MANAGE_TENANT,
    MANAGE_MEMBERS,
    MANAGE_INVITATIONS,
    MANAGE_API_KEYS,
    MANAGE_CREDENTIALS,
    VIEW_MEMBERS;

    public static Optional<TenancyPermission> parse(String text) {
        return Arrays.stream(values()).filter(permission -> permission.label().equals(text)).findFirst();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
