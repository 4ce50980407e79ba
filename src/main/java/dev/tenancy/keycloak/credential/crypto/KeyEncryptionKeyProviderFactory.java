package dev.tenancy.keycloak.credential.crypto;

import org.keycloak.provider.ProviderFactory;

/** Factory of the {@value KeyEncryptionKeySpi#NAME} SPI. */
public interface KeyEncryptionKeyProviderFactory extends ProviderFactory<KeyEncryptionKeyProvider> {
}
