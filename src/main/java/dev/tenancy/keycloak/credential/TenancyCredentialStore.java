package dev.tenancy.keycloak.credential;

import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * The credential store for other Keycloak extensions, inside a Keycloak session whose context names the
 * realm: {@code session.getProvider(TenancyCredentialStore.class)}. A credential is found by its owner,
 * provider and name, read on behalf of a {@code reader} under the same rules as the REST APIs: a user's own
 * credentials, a tenant's where the reader's tenant role grants {@code manage-credentials}, and everything
 * for realm admins (manage-realm). Other reads throw {@link CredentialAccessDeniedException}.
 */
public interface TenancyCredentialStore extends Provider {

    /**
     * The masked form, or empty when the owner has no such credential.
     *
     * @param ownerId the user or tenant id; ignored for {@link CredentialScope#SYSTEM}
     */
    Optional<StoredCredential> find(UserModel reader, CredentialScope scope, String ownerId, String provider,
            String name);

    /**
     * The value, or empty when the owner has no such credential or it is deactivated. Every reveal raises
     * the admin event {@code TENANCY_CREDENTIAL} / {@code ACTION} {@code …/reveal}, naming the reader and the
     * client it acts for.
     *
     * @throws CredentialAccessDeniedException when the reader may not read it
     * @throws dev.tenancy.keycloak.error.TenancyException of kind {@code BROKEN} when the stored value fails its
     *     check (an altered row), {@code UNAVAILABLE} when its key-encryption key is not configured
     */
    Optional<RevealedCredential> reveal(UserModel reader, ClientModel client, CredentialScope scope, String ownerId,
            String provider, String name);
}
