package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.TenancyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/** Registers the API key grant under its URN. */
public final class ApiKeyGrantTypeFactory implements OAuth2GrantTypeFactory, TenancyProviderFactory<OAuth2GrantType> {

    private final FailedAttempts.NewWindows newWindows = new FailedAttempts.NewWindows(FailedAttempts.MAX_NEW_PER_MINUTE);

    /** This node's factory, which counts the failed-attempt windows this node opens (the windows are shared). */
    static ApiKeyGrantTypeFactory of(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(OAuth2GrantType.class, ApiKeyGrantType.GRANT_TYPE)
                instanceof ApiKeyGrantTypeFactory own) {
            return own;
        }
        throw new IllegalStateException("The API key grant '" + ApiKeyGrantType.GRANT_TYPE + "' is not loaded");
    }

    FailedAttempts.NewWindows newWindows() {
        return newWindows;
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
