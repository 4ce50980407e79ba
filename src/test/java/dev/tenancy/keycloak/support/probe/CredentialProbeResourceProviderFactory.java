package dev.tenancy.keycloak.support.probe;

/**
 * Test-only: "another extension" in its own jar ({@code tenancy-probe.jar}, installed by the test harness
 * beside ours) that reads credentials through {@code TenancyCredentialStore}, at
 * {@code /realms/{realm}/tenancy-probe}. Never shipped.
 */
public final class CredentialProbeResourceProviderFactory extends ProbeResourceFactory {

    public CredentialProbeResourceProviderFactory() {
        super("tenancy-probe", CredentialProbeResource::new);
    }
}
