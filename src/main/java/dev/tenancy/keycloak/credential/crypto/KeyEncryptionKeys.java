package dev.tenancy.keycloak.credential.crypto;

import java.util.Optional;
import java.util.SortedSet;

/** The KEK versions a node can use: the primary one for new secrets, and any version still allowed for reading. */
public interface KeyEncryptionKeys {

    KeyEncryptionKey primary();

    /** Empty when the version is unknown here or retired (below the minimum decryption version). */
    Optional<KeyEncryptionKey> version(int version);

    /** The versions this node can use (the retired ones left out), lowest first. */
    SortedSet<Integer> versions();
}
