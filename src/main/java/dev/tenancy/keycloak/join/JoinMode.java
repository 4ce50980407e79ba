package dev.tenancy.keycloak.join;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How people with a verified address in a tenant's verified domains join it: not, by request, or at sign-in. */
public enum JoinMode {
    OFF,
    SUGGEST,
    AUTO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JoinMode> of(String label) {
        return Arrays.stream(values()).filter(mode -> mode.label().equals(label)).findFirst();
    }
}
