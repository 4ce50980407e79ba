package dev.tenancy.keycloak.support.probe;

/**
 * Test-only, in {@code tenancy-probe.jar}: runs a task registered with Keycloak's timer now, at
 * {@code POST /realms/{realm}/tenancy-probe-tasks/{name}}, so a test need not wait for its interval. Never shipped.
 */
public final class ScheduledTaskProbeResourceProviderFactory extends ProbeResourceFactory {

    public ScheduledTaskProbeResourceProviderFactory() {
        super("tenancy-probe-tasks", ScheduledTaskProbeResource::new);
    }
}
