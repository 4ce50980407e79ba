package dev.tenancy.keycloak;

import java.util.Map;
import java.util.Optional;

/** The extension's version, shown on the admin console's server-info page for each of our providers. */
public final class TenancyVersion {

    private TenancyVersion() {
    }

    public static String version() {
        return Optional.ofNullable(TenancyVersion.class.getPackage().getImplementationVersion()).orElse("development");
    }

    public static Map<String, String> operationalInfo() {
        return Map.of("version", version());
    }
}
