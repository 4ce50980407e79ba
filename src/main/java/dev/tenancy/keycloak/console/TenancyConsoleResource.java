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
            // Without the slash, the page's relative module paths would resolve one level up.
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create(TenancyConsoleClient.path(realm)))
                    .build();
        }
        String html = ConsolePage.render(ConsoleAsset.page(), realm.getName(), resourcesCommon());
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

    /** Where Keycloak serves its common theme resources (PatternFly 5), versioned by Keycloak. */
    private String resourcesCommon() {
        return Urls.themeRoot(session.getContext().getUri().getBaseUri()).getPath() + "/common/keycloak";
    }
}
