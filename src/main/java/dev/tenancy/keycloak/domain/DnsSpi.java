package dev.tenancy.keycloak.domain;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * How the domain proof reads DNS. The shipped provider uses the JDK's DNS client
 * ({@link JndiDnsTxtLookupFactory}); a deployment may plug in another (a DNS-over-HTTPS client, say).
 */
public final class DnsSpi implements Spi {

    public static final String NAME = "tenancy-dns";

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
        return DnsTxtLookup.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return DnsTxtLookupFactory.class;
    }
}
