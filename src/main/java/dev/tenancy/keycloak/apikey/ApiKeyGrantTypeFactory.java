package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.TenancyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/** Registers the API key grant under its URN. */
public final class ApiKeyGrantTypeFactory implements OAuth2GrantTypeFactory, TenancyProviderFactory<OAuth2GrantType> {

    private final FailedAttempts failedAttempts = new FailedAttempts(FailedAttempts.MAX_TRACKED);

    /** This node's factory, which holds the failed-attempt windows of key use. */
    static ApiKeyGrantTypeFactory of(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(OAuth2GrantType.class, ApiKeyGrantType.GRANT_TYPE)
                instanceof ApiKeyGrantTypeFactory own) {
            return own;
        }
        throw new IllegalStateException("The API key grant '" + ApiKeyGrantType.GRANT_TYPE + "' is not loaded");
    }

    FailedAttempts failedAttempts() {
        return failedAttempts;
    }

    @Override
    public String getId() {
        return ApiKeyGrantType.GRANT_TYPE;
    }

    /** Two characters, as Keycloak encodes the grant into every token id; unused by Keycloak's own grants. */
    @Override
    public String getShortcut() {
        return "ak";
    }

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new ApiKeyGrantType();
    }
}
