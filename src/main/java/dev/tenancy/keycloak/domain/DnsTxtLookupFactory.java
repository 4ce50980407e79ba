package dev.tenancy.keycloak.domain;

import org.keycloak.provider.ProviderFactory;

/** Factory of the {@value DnsSpi#NAME} SPI. */
public interface DnsTxtLookupFactory extends ProviderFactory<DnsTxtLookup> {
}
