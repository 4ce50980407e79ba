package dev.tenancy.keycloak.metrics;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The internal SPI that carries {@link TenancyMetricsFactory}, so the meters have a place for their options
 * ({@code --spi-tenancy-metrics--default--tags=realm}) and a line on the server-info page.
 */
public final class TenancyMetricsSpi implements Spi {

    static final String NAME = "tenancy-metrics";

    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return TenancyMetrics.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return TenancyMetricsFactory.class;
    }
}
