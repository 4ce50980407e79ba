package dev.tenancy.keycloak.bench;

import dev.tenancy.keycloak.support.KeycloakServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The tenancy console's first load ({@code mvn -Pbenchmark package -Dbench.main=dev.tenancy.keycloak.bench.ConsoleBenchmark},
 * see docs/benchmarks.md): a tenant admin of a tenant with 50 members signs in with a fresh Chromium profile
 * (nothing cached) and visits again with a warm one (signed in through Keycloak's SSO cookie, the browser's cache
 * as the first visit left it). Measured inside
 * the page after Keycloak redirects back: the bytes of every file and API answer the console document loaded
 * (Resource Timing's transfer sizes) and the time from that document's start to the members page being
 * rendered with its data ({@code performance.mark('tenancy-console:page-ready')}), which covers the code
 * exchange, the calls for the user's tenants and the members, and rendering.
 */
public final class ConsoleBenchmark {

    private static final int RUNS = 5;
    private static final String MEASURE = """
            const nav = performance.getEntriesByType('navigation')[0];
            const ready = performance.getEntriesByName('tenancy-console:page-ready')[0];
            const groups = {document: 0, console: 0, keycloak: 0, api: 0};
            const add = (entry, bytes) => {
              const url = new URL(entry.name);
              const group = entry.entryType === 'navigation' ? 'document'
                : url.pathname.includes('/tenancy/console/') ? 'console'
                : url.pathname.startsWith('/resources/') ? 'keycloak' : 'api';
              groups[group] += bytes;
            };
            add(nav, nav.transferSize);
            for (const entry of performance.getEntriesByType('resource')) { add(entry, entry.transferSize); }
            return {ready: ready ? ready.startTime : -1, files: performance.getEntriesByType('resource').length + 1,
                    document: groups.document, console: groups.console, keycloak: groups.keycloak, api: groups.api};
            """;

    private ConsoleBenchmark() {
    }

    private record Load(double readyMillis, long files, long document, long console, long keycloak, long api) {
        long total() {
            return document + console + keycloak + api;
        }
    }

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(System.getProperty("tenancy.project.dir", ".")).resolve("docs");
        KeycloakServer server = KeycloakServer.get();
        TestRealm realm = new TestRealm();
        realm.create("console-bench");
        TenancyApi tenancy = new TenancyApi(realm);
        String tenantId = tenancy.createTenant("acme");
        tenancy.setRoles(tenantId, realm.createUser("ada"), "admin");
        for (int i = 0; i < 49; i++) {
            tenancy.setRoles(tenantId, realm.createUser(String.format(Locale.ROOT, "member%02d", i)), "member");
        }
        List<Load> cold = new ArrayList<>();
        List<Load> warm = new ArrayList<>();
        for (int run = 0; run < RUNS + 1; run++) {
            try (Browser browser = Browser.start()) {
                Console console = Console.signIn(browser, server.baseUrl(), realm.name(), "ada", "ada");
                console.visible(Console.test("member-member48"));
                Load first = measure(browser);
                browser.driver().get(console.url()); // a second visit: through Keycloak's SSO again, with the cache
                console.awaitPage();
                console.visible(Console.test("member-member48"));
                Load again = measure(browser);
                if (run > 0) { // the first run warms the server up
                    cold.add(first);
                    warm.add(again);
                }
            }
        }
        String report = report(cold, warm);
        System.out.println(report);
        BenchmarkPage.writeSection(docs.resolve("benchmarks.md"), "console", report);
        realm.delete();
        System.exit(0);
    }

    private static Load measure(Browser browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(MEASURE);
        return new Load(((Number) m.get("ready")).doubleValue(), ((Number) m.get("files")).longValue(),
                ((Number) m.get("document")).longValue(), ((Number) m.get("console")).longValue(),
                ((Number) m.get("keycloak")).longValue(), ((Number) m.get("api")).longValue());
    }

    private static String report(List<Load> cold, List<Load> warm) {
        StringBuilder out = new StringBuilder();
        out.append("## Tenancy console — last run ").append(LocalDate.now()).append("\n\n")
                .append("Written by `dev.tenancy.keycloak.bench.ConsoleBenchmark`; reproduce with "
                        + "`mvn -Pbenchmark package -Dbench.main=dev.tenancy.keycloak.bench.ConsoleBenchmark`.\n\n")
                .append("Keycloak " + KeycloakServer.distributionVersion() + " in dev mode (H2) on loopback, Debian's headless Chromium, 2 cores; a tenant "
                        + "admin's members page with 50 members. Median of ").append(cold.size())
                .append(" runs after one warm-up run. *Cold*: a new browser profile, nothing cached; *warm*: a second "
                        + "visit in the same browser (Keycloak's SSO signs in without a prompt; the console's modules "
                        + "are revalidated, 304 without a body; in production mode Keycloak lets "
                        + "browsers keep its theme files for 30 days, `theme.staticMaxAge`, but this dev-mode server sends "
                        + "them uncached, so the warm row fetches PatternFly again). Bytes are "
                        + "transfer sizes (headers included) of what the console's document loaded after Keycloak's "
                        + "login redirected back; the login page itself is Keycloak's and not counted.\n\n")
                .append("| load | members page ready, ms | requests | total KiB | console page KiB | console modules KiB "
                        + "| Keycloak's PatternFly KiB | API answers KiB |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(out, "cold", cold);
        row(out, "warm", warm);
        return out.toString();
    }

    private static void row(StringBuilder out, String name, List<Load> loads) {
        Load median = loads.stream().sorted(Comparator.comparingDouble(Load::readyMillis)).toList().get(loads.size() / 2);
        out.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name,
                median.readyMillis(), median.files(), median.total() / 1024.0, median.document() / 1024.0,
                median.console() / 1024.0, median.keycloak() / 1024.0, median.api() / 1024.0));
    }
}
