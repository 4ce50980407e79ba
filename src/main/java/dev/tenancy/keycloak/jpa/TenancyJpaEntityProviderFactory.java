package dev.tenancy.keycloak.jpa;

import dev.tenancy.keycloak.TenancyProviderFactory;
import dev.tenancy.keycloak.TenancyVersion;
import dev.tenancy.keycloak.invitation.InvitationExpiryTask;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the tenancy tables. The id also names Keycloak's changelog history table
 * ({@code DATABASECHANGELOG_TENANCY_EN}): it must never change.
 */
public final class TenancyJpaEntityProviderFactory implements JpaEntityProviderFactory, TenancyProviderFactory<JpaEntityProvider> {

    static final String ID = "tenancy-entities";

    /** How often pending invitations whose time is up are recorded as expired (they read as expired at once). */
    static final String INVITATION_EXPIRY_INTERVAL = "invitation-expiry-interval-seconds";

    private static final JpaEntityProvider PROVIDER = new TenancyJpaEntityProvider();

    private Duration invitationExpiryInterval = InvitationExpiryTask.DEFAULT_INTERVAL;

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        invitationExpiryInterval = expiryInterval(config.getLong(INVITATION_EXPIRY_INTERVAL,
                InvitationExpiryTask.DEFAULT_INTERVAL.toSeconds()));
    }

    static Duration expiryInterval(long seconds) {
        if (seconds < 1 || seconds > Duration.ofDays(1).toSeconds()) {
            throw new IllegalStateException("tenancy-entities: " + INVITATION_EXPIRY_INTERVAL
                    + " must be between 1 and 86400, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        InvitationExpiryTask.schedule(factory, invitationExpiryInterval);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(INVITATION_EXPIRY_INTERVAL).type("long")
                .defaultValue(InvitationExpiryTask.DEFAULT_INTERVAL.toSeconds())
                .helpText("Seconds between runs of the task that records expired invitations; reads show the"
                        + " expiry at once.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(TenancyVersion.operationalInfo());
        info.put("invitationExpiryIntervalSeconds", Long.toString(invitationExpiryInterval.toSeconds()));
        return info;
    }
}
