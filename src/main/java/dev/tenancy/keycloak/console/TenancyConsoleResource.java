package dev.tenancy.keycloak.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * {@code /realms/{realm}/tenancy/console/}: the tenancy console, a page and static ES modules. It holds no data and
 * no session: the page signs in through {@link TenancyConsoleClient} and calls the same REST APIs as any program.
 */
public final class TenancyConsoleResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    public TenancyConsoleResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @GET
    public Response page() {
        if (!session.getContext().getUri().getRequestUri().getPath().endsWith("/")) {
            // Without the slash, the page's relative module paths would resolve one level up. Built from Keycloak's
            // own base URL (its hostname settings), not from request headers, and not cached.
            URI console = session.getContext().getUri().getBaseUriBuilder()
                    .path("realms").path(realm.getName()).path("tenancy").path("console").path("/").build();
            return Response.status(Response.Status.FOUND).location(console)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        String html = ConsolePage.render(ConsoleAsset.page(), realm.getName(), basePath(), resourcesCommon());
        return ConsoleHeaders.secure(session, realm, Response.ok(html, "text/html; charset=utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("{path: .+}")
    public Response asset(@PathParam("path") String path, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ConsoleAsset asset = ConsoleAsset.find(path).orElseThrow(NotFoundException::new);
        Response.ResponseBuilder response = asset.etag().equals(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(asset.bytes(), asset.mediaType());
        // Revalidated on every load (a 304 without a body when unchanged), so an upgraded jar is seen at once.
        return ConsoleHeaders.secure(session, realm, response)
                .header(HttpHeaders.ETAG, asset.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    /** Keycloak's base path ("" at the root, "/auth" under a relative path), for the page's API and OIDC calls. */
    private String basePath() {
        String path = session.getContext().getUri().getBaseUri().getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Where Keycloak serves its common theme resources (PatternFly 5), versioned by Keycloak. */
    private String resourcesCommon() {
        return Urls.themeRoot(session.getContext().getUri().getBaseUri()).getPath() + "/common/keycloak";
    }
}
