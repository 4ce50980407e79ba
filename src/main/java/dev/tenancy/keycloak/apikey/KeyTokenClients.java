package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.TenantClaims;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;

/**
 * Which clients may exchange API keys, beyond the realm's list: those whose key tokens Keycloak's introspection
 * endpoint will map again through the tenancy claims mapper, which alone turns the owner's claims back into
 * the key's. Introspection maps with the client's own mappers, its default scopes, and the optional scopes
 * named in the token's {@code scope} claim.
 */
final class KeyTokenClients {

    private KeyTokenClients() {
    }

    static boolean mapsKeyClaimsAtIntrospection(ClientModel client, ClientSessionContext context) {
        Stream<ProtocolMapperContainerModel> always = Stream.concat(Stream.of(client),
                client.getClientScopes(true).values().stream());
        Stream<ClientScopeModel> namedInToken = context.getClientScopesStream()
                .filter(scope -> client.getClientScopes(false).containsKey(scope.getName()))
                .filter(ClientScopeModel::isIncludeInTokenScope);
        return Stream.concat(always, namedInToken)
                .flatMap(ProtocolMapperContainerModel::getProtocolMappersStream)
                .anyMatch(KeyTokenClients::isIntrospectingClaimsMapper);
    }

    private static boolean isIntrospectingClaimsMapper(ProtocolMapperModel mapper) {
        return TenantClaims.MAPPER_ID.equals(mapper.getProtocolMapper())
                && OIDCAttributeMapperHelper.includeInIntrospection(mapper);
    }
}
