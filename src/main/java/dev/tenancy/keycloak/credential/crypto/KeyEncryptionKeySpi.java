package dev.tenancy.keycloak.credential.crypto;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Where the credential store's key-encryption keys come from. The KEK never lives in the database; a
 * provider reads versioned key material from outside it (see {@link ConfiguredKeyEncryptionKeyProviderFactory}).
 */
public final class KeyEncryptionKeySpi implements Spi {

    public static final String NAME = "tenancy-kek";

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
        return KeyEncryptionKeyProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return KeyEncryptionKeyProviderFactory.class;
    }
}
