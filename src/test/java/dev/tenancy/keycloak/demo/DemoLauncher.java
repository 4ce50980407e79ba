package dev.tenancy.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The README's run command ({@code mvn -Prun package}): installs the freshly built jar into the unpacked
 * Keycloak distribution, imports the demo realm, starts Keycloak on http://localhost:8080 with its H2 file
 * database, gives the demo users their tenant roles and prints how to try it. Ctrl-C stops Keycloak.
 */
public final class DemoLauncher {

    private static final String BASE = "http://localhost:8080";
    private static final String REALM = "tenancy-demo";
    private static final Duration READY_LIMIT = Duration.ofMinutes(5);

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path keycloakDir = Path.of(System.getProperty("tenancy.keycloak.dir")).toAbsolutePath();
        Path projectDir = Path.of(System.getProperty("tenancy.project.dir", ".")).toAbsolutePath();
        installProvider(keycloakDir, Path.of(System.getProperty("tenancy.provider.jar")));
        Path imports = Files.createDirectories(keycloakDir.resolve("data/import"));
        Files.copy(projectDir.resolve("realm-config/tenancy-demo-realm.json"),
                imports.resolve("tenancy-demo-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        Process keycloak = start(keycloakDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(keycloak), "keycloak-stop"));
        awaitReady(keycloak);
        seedMembers(projectDir.resolve("realm-config/tenancy-demo-members.json"));
        seedDomains();
        printWelcome();
        System.exit(keycloak.waitFor());
    }

    private static Process start(Path keycloakDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(keycloakDir.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-port=8080", "--health-enabled=true", "--features=declarative-ui",
                "--spi-tenancy-kek--config--file=" + demoKeyFile(keycloakDir)));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return builder.start();
    }

    /**
     * The demo's key-encryption key for the credential store: 32 random bytes made at the first run and kept
     * beside the demo's data, readable by the owner only. A real installation keeps it outside the server.
     */
    private static Path demoKeyFile(Path keycloakDir) throws IOException {
        Path file = keycloakDir.resolve("data/tenancy-kek");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "1=" + Base64.getEncoder().encodeToString(key) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private static void awaitReady(Process keycloak) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue() + "; see its output above");
            }
            try {
                if (Http.get("http://localhost:9000/health/ready", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak was not ready within " + READY_LIMIT);
    }

    /** Gives the demo users their tenant roles through our admin API; running it again changes nothing. */
    private static void seedMembers(Path membersFile) throws IOException {
        String token = adminToken();
        String api = BASE + "/admin/realms/" + REALM + "/tenancy";
        JsonNode members = Json.parse(Files.readString(membersFile)).path("members");
        for (Map.Entry<String, JsonNode> tenant : iterable(members)) {
            String tenantId = tenantId(api, token, tenant.getKey());
            for (Map.Entry<String, JsonNode> member : iterable(tenant.getValue())) {
                String userId = userId(token, member.getKey());
                HttpResult put = Http.put(api + "/tenants/" + tenantId + "/members/" + userId, token,
                        Json.object().set("roles", member.getValue()));
                if (put.status() != 200) {
                    throw new IllegalStateException("Could not give " + member.getKey() + " roles: " + put);
                }
            }
        }
    }

    /**
     * Verified domains (vouched for by the realm admin: the demo has no DNS of its own): acme.example, whose colleagues
     * join acme at sign-in, and globex-corp.example, whose colleagues are asked and request to join globex; and a
     * claim of globex.example waiting for its DNS proof, so that the console's Domains page has both to show. Running
     * it again changes nothing: a domain held or claimed already is answered as it stands, a policy set again is the
     * same.
     */
    private static void seedDomains() {
        String token = adminToken();
        String api = BASE + "/admin/realms/" + REALM + "/tenancy";
        for (List<String> domain : List.of(List.of("acme", "{\"domain\": \"acme.example\", \"verified\": true}"),
                List.of("globex", "{\"domain\": \"globex-corp.example\", \"verified\": true}"),
                List.of("globex", "{\"domain\": \"globex.example\"}"))) {
            HttpResult added = Http.post(api + "/tenants/" + tenantId(api, token, domain.get(0)) + "/domains", token,
                    domain.get(1));
            if (added.status() != 200 && added.status() != 201) {
                throw new IllegalStateException("Could not give " + domain.get(0) + " its domain: " + added);
            }
        }
        for (Map.Entry<String, String> policy : Map.of("acme", "auto", "globex", "suggest").entrySet()) {
            HttpResult join = Http.put(api + "/tenants/" + tenantId(api, token, policy.getKey()) + "/join", token,
                    "{\"mode\": \"" + policy.getValue() + "\", \"defaultRole\": \"member\"}");
            if (join.status() != 200) {
                throw new IllegalStateException("Could not let colleagues join " + policy.getKey() + " by domain: "
                        + join);
            }
        }
    }

    private static String adminToken() {
        HttpResult token = Http.postForm(BASE + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        if (token.status() != 200) {
            throw new IllegalStateException("Cannot log in as admin/admin to seed the demo: " + token);
        }
        return token.json().path("access_token").asText();
    }

    private static String tenantId(String api, String token, String alias) {
        for (JsonNode tenant : Http.get(api + "/tenants?search=" + encode(alias), token).json()) {
            if (alias.equals(tenant.path("alias").asText())) {
                return tenant.path("id").asText();
            }
        }
        throw new IllegalStateException("The demo realm has no tenant " + alias);
    }

    private static String userId(String token, String username) {
        JsonNode users = Http.get(BASE + "/admin/realms/" + REALM + "/users?exact=true&username=" + encode(username),
                token).json();
        if (users.isEmpty()) {
            throw new IllegalStateException("The demo realm has no user " + username);
        }
        return users.get(0).path("id").asText();
    }

    private static void printWelcome() {
        System.out.println("""

                ==================================================================================
                 keycloak-tenancy demo is running on %1$s  (Ctrl-C stops it)
                   Admin console   : %1$s/admin  (admin / admin), realm 'tenancy-demo'
                   Tenancy console : %1$s/realms/tenancy-demo/tenancy/console/
                     sign in as alice / alice (admin of tenant acme: members, invitations, API keys,
                     credentials, modules, domains) or dana / dana (realm admin: tenants, configuration, keys)
                   Demo users      : alice (acme admin, globex member), bob (acme operator), carol (globex
                                     admin), dana (realm admin); the password is the username
                   A token with tenant claims (the organization:acme scope makes acme the active tenant):

                 curl -s %1$s/realms/tenancy-demo/protocol/openid-connect/token \\
                   -d grant_type=password -d client_id=tenancy-demo-app -d username=alice -d password=alice \\
                   -d scope=organization:acme | sed -E 's/.*"access_token":"[^.]*\\.([^.]*)\\..*/\\1/' \\
                   | tr '_-' '/+' | awk '{ while (length($0) %% 4) $0 = $0 "="; print }' | base64 -d; echo

                   Domains (docs/enterprise.md): acme has the verified domain acme.example and lets colleagues
                     join at sign-in (make a user erin@acme.example with "Email verified" on in the admin
                     console and sign in as her: she is a member); globex has globex-corp.example and lets
                     colleagues ask (frank@globex-corp.example is asked after sign-in; carol approves under
                     Members), and a claim of globex.example waiting for its DNS proof (carol sees the TXT
                     record under Domains); to prove a domain of your own, claim it, publish the record, Verify.

                   The realm's tenancy rows, to carry beside `kc.sh export` (docs/operations.md, "Export and import"):

                 TOKEN=$(curl -s %1$s/realms/master/protocol/openid-connect/token -d grant_type=password \
                   -d client_id=admin-cli -d username=admin -d password=admin | sed -E 's/.*"access_token":"([^"]*)".*/\1/')
                 curl -s -H "Authorization: Bearer $TOKEN" %1$s/admin/realms/tenancy-demo/tenancy/export
                ==================================================================================
                """.formatted(BASE));
    }

    private static void installProvider(Path keycloakDir, Path jar) throws IOException {
        Path providers = Files.createDirectories(keycloakDir.resolve("providers"));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(providers, "*.jar")) {
            for (Path stale : old) {
                Files.delete(stale);
            }
        }
        Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void stop(Process keycloak) {
        keycloak.descendants().forEach(ProcessHandle::destroy);
        keycloak.destroy();
        try {
            keycloak.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
