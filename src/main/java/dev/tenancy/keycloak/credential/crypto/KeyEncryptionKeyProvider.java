package dev.tenancy.keycloak.credential.crypto;

import org.keycloak.provider.Provider;

/** The KEK versions of this node, from the configured source. */
public interface KeyEncryptionKeyProvider extends Provider, KeyEncryptionKeys {
}
