package dev.tenancy.keycloak.credential;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI behind {@link TenancyCredentialStore}, so other extensions get it from the session. */
public final class TenancyCredentialStoreSpi implements Spi {

    public static final String NAME = "tenancy-credential-store";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return TenancyCredentialStore.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return TenancyCredentialStoreFactory.class;
    }
}
