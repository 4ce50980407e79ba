package dev.tenancy.keycloak.credential;

import org.keycloak.provider.ProviderFactory;

/** Factory of the {@value TenancyCredentialStoreSpi#NAME} SPI. */
public interface TenancyCredentialStoreFactory extends ProviderFactory<TenancyCredentialStore> {
}
