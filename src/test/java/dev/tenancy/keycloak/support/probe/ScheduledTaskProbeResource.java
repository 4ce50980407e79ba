package dev.tenancy.keycloak.support.probe;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.TaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Runs the task that Keycloak's timer holds under a name, once, in this request's thread: the task as it was
 * scheduled, without the cluster runner's once-per-interval lock. Answers the interval it was scheduled with.
 */
public final class ScheduledTaskProbeResource {

    private final KeycloakSession session;

    ScheduledTaskProbeResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@PathParam("name") String name) {
        TimerProvider.TimerTaskContext scheduled = session.getProvider(TimerProvider.class).getTasks().get(name);
        if (scheduled == null || !(scheduled.getRunnable() instanceof TaskRunner runner)) {
            return Response.status(404).entity(Map.of("error", "no task " + name)).build();
        }
        runner.getTask().run(session);
        return Response.ok(Map.of("intervalMillis", scheduled.getIntervalMillis())).build();
    }
}
