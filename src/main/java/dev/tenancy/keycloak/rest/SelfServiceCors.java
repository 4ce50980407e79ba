package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.scope.TenancyClientScope;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.WebOriginsUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.cors.Cors;

/**
 * CORS for the self-service API, the way Keycloak's account REST API does it: a call carries
 * {@code Access-Control-Allow-Origin} when its Origin is a Web Origin of the client the bearer token was issued
 * to ({@code azp}), with {@code Location} exposed; any other origin gets no CORS headers (and Keycloak's 403).
 * Unlike Keycloak's account preflight, which answers any origin, a preflight here is answered only for the
 * Web Origins of the realm's clients that have the client scope {@code tenancy}: the only clients whose
 * tokens this API serves (a client's change reaches preflights within a minute).
 */
final class SelfServiceCors {

    static final String[] METHODS = {"GET", "PUT", "POST", "DELETE"};

    private SelfServiceCors() {
    }

    /** Adds the CORS headers for an authenticated call, or refuses an Origin the token's client does not list. */
    static void allow(AccessToken token) {
        Cors.builder().checkAllowedOrigins(token).allowedMethods(METHODS).exposedHeaders(HttpHeaders.LOCATION)
                .auth().add();
    }

    static boolean isPreflight(KeycloakSession session) {
        return "OPTIONS".equals(session.getContext().getHttpRequest().getHttpMethod());
    }

    /** The answer to a preflight request of the self-service API, on any path below it. */
    static final class Preflight {

        private final KeycloakSession session;
        private final RealmModel realm;
        private final KnownOrigins known;

        Preflight(KeycloakSession session, RealmModel realm, KnownOrigins known) {
            this.session = session;
            this.realm = realm;
            this.known = known;
        }

        @OPTIONS
        public Response here() {
            return answer();
        }

        @OPTIONS
        @Path("{any:.*}")
        public Response below() {
            return answer();
        }

        private Response answer() {
            String origin = session.getContext().getRequestHeaders().getHeaderString(Cors.ORIGIN_HEADER);
            if (origin == null || !fromATenancyClient(origin)) {
                return Response.ok().build();
            }
            return Cors.builder().auth().preflight().allowedMethods(METHODS).add(Response.ok());
        }

        /**
         * Whether a client with the {@code tenancy} scope lists the origin. Preflights come without a token,
         * so anybody can send them: the realm's clients are walked at most once a minute per realm and node,
         * not per request.
         */
        private boolean fromATenancyClient(String origin) {
            Set<String> origins = known.of(realm, () -> realm.getClientsStream()
                    .filter(Preflight::hasTenancyScope)
                    .flatMap(client -> WebOriginsUtils.resolveValidWebOrigins(session, client).stream())
                    .collect(Collectors.toUnmodifiableSet()));
            return origins.contains(origin) || origins.contains(Cors.ACCESS_CONTROL_ALLOW_ORIGIN_WILDCARD);
        }

        private static boolean hasTenancyScope(ClientModel client) {
            return client.getClientScopes(true).containsKey(TenancyClientScope.NAME)
                    || client.getClientScopes(false).containsKey(TenancyClientScope.NAME);
        }
    }

    /**
     * The Web Origins of each realm's tenancy clients, as last collected on this node, for a minute. Held by the
     * realm resource's provider factory, so a new server starts with none.
     */
    static final class KnownOrigins {

        private static final long KNOWN_FOR_MILLIS = 60_000;

        private record Collected(long until, Set<String> origins) {
        }

        private final Map<String, Collected> byRealm = new ConcurrentHashMap<>();

        Set<String> of(RealmModel realm, Supplier<Set<String>> collect) {
            long now = System.currentTimeMillis();
            Collected known = byRealm.get(realm.getId());
            if (known == null || known.until() <= now) {
                known = new Collected(now + KNOWN_FOR_MILLIS, collect.get());
                byRealm.put(realm.getId(), known);
            }
            return known.origins();
        }
    }
}
