package dev.tenancy.keycloak.metrics;

import dev.tenancy.keycloak.TenancyProviderFactory;
import io.micrometer.core.instrument.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Builds the meters in Keycloak's global Micrometer registry when Keycloak runs with {@code --metrics-enabled=true}
 * (read as Keycloak's password-hashing metric reads it), and nothing otherwise. Like Keycloak's user-event metrics,
 * the realm is not a tag unless asked for: {@code --spi-tenancy-metrics--default--tags=realm}.
 */
public final class TenancyMetricsFactory implements TenancyProviderFactory<TenancyMetrics> {

    public static final String ID = "default";
    static final String METRICS_ENABLED = "metrics-enabled";
    static final String TAGS = "tags";

    private static final Logger LOG = Logger.getLogger(TenancyMetricsFactory.class);

    private TenancyMetrics metrics = TenancyMetrics.DISABLED;
    private boolean realmTag;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TenancyMetrics create(KeycloakSession session) {
        return metrics;
    }

    @Override
    public void init(Config.Scope config) {
        realmTag = realmTag(config.get(TAGS));
        if (!config.root().getBoolean(METRICS_ENABLED, false)) {
            return;
        }
        try {
            metrics = new TenancyMetrics(new Meters(Metrics.globalRegistry, realmTag));
        } catch (RuntimeException e) {
            // The server is worth more than its meters.
            LOG.warn("Tenancy metrics could not be registered; the server runs without them", e);
        }
    }

    /** Whether {@code tags} (comma-separated, as Keycloak's user-event metrics take them) names the realm. */
    static boolean realmTag(String tags) {
        boolean realm = false;
        if (tags == null) {
            return false;
        }
        for (String tag : tags.split(",")) {
            switch (tag.trim()) {
                case "" -> { }
                case Meters.REALM -> realm = true;
                default -> throw new IllegalStateException("tenancy-metrics: unknown tag '" + tag.trim()
                        + "' in option " + TAGS + "; the only optional tag is '" + Meters.REALM + "'");
            }
        }
        return realm;
    }

    TenancyMetrics metrics() {
        return metrics;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(TAGS).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Optional tags of the tenancy meters, comma-separated: 'realm' adds the realm's name.")
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(TenancyProviderFactory.super.getOperationalInfo());
        info.put("metricsEnabled", Boolean.toString(metrics.enabled()));
        info.put("realmTag", Boolean.toString(realmTag));
        return info;
    }
}
