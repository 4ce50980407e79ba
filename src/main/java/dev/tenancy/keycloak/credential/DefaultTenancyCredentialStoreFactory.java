package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.TenancyProviderFactory;
import dev.tenancy.keycloak.TenancyVersion;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The credential store, and how its KEK rewrap runs: {@code --spi-tenancy-credential-store--default--rewrap-batch-size}
 * credentials per transaction (default 500) and {@code …--rewrap-pause-millis} between batches (default 0),
 * to spread the load of a large rewrap.
 */
public final class DefaultTenancyCredentialStoreFactory
        implements TenancyCredentialStoreFactory, TenancyProviderFactory<TenancyCredentialStore> {

    public static final String ID = "default";

    private RewrapSettings rewrap = RewrapSettings.DEFAULT;
    // Only for this node's backlog gauge: which runs this node does is shared through RewrapRuns.
    private final Set<RewrapProgress> runningHere = ConcurrentHashMap.newKeySet();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TenancyCredentialStore create(KeycloakSession session) {
        return new DefaultTenancyCredentialStore(session);
    }

    @Override
    public void init(Config.Scope config) {
        rewrap = RewrapSettings.of(config.getInt("rewrap-batch-size", RewrapSettings.DEFAULT.batchSize()),
                config.getLong("rewrap-pause-millis", RewrapSettings.DEFAULT.pauseMillis()));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        TenancyMetrics.of(factory).watchRewrapPending(() -> RewrapProgress.pending(runningHere));
    }

    /** This node's factory: its rewrap settings, and the runs going on at this node (for the backlog gauge). */
    static DefaultTenancyCredentialStoreFactory of(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(TenancyCredentialStore.class, ID) instanceof DefaultTenancyCredentialStoreFactory
                own) {
            return own;
        }
        throw new IllegalStateException("The tenancy credential store's provider '" + ID + "' is not loaded");
    }

    Set<RewrapProgress> runningHere() {
        return runningHere;
    }

    RewrapSettings rewrapSettings() {
        return rewrap;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("rewrap-batch-size").type("int").defaultValue(RewrapSettings.DEFAULT.batchSize())
                .helpText("Credentials re-wrapped per transaction by POST …/tenancy/keys/rewrap.").add()
                .property().name("rewrap-pause-millis").type("long").defaultValue(RewrapSettings.DEFAULT.pauseMillis())
                .helpText("Pause between rewrap batches, to spread the database load.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(TenancyVersion.operationalInfo());
        info.put("rewrapBatchSize", Integer.toString(rewrap.batchSize()));
        info.put("rewrapPauseMillis", Long.toString(rewrap.pauseMillis()));
        return info;
    }
}
