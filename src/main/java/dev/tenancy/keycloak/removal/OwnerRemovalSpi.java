package dev.tenancy.keycloak.removal;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The internal SPI through which each feature's {@link OwnerRemovalsFactory} is loaded. */
public final class OwnerRemovalSpi implements Spi {

    static final String NAME = "tenancy-owner-removals";

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
        return OwnerRemovals.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return OwnerRemovalsFactory.class;
    }
}
