package dev.tenancy.keycloak.support;

import dev.tenancy.keycloak.support.probe.CredentialProbeResourceProviderFactory;
import dev.tenancy.keycloak.support.probe.RollbackProbeEventListenerFactory;
import dev.tenancy.keycloak.support.probe.ScheduledTaskProbeResourceProviderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Packs the test-only probe extension ({@code support.probe}) into its own provider jar, so the test server
 * runs it as another extension that uses ours through {@code TenancyCredentialStore}, can run our scheduled
 * tasks on demand, and can make a realm's invitation acceptances roll back.
 */
final class ProbeJar {

    static final String NAME = "tenancy-probe.jar";

    private ProbeJar() {
    }

    static void write(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(CredentialProbeResourceProviderFactory.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String packageDir = CredentialProbeResourceProviderFactory.class.getPackageName().replace('.', '/');
        List<Path> files;
        try (Stream<Path> listed = Files.list(classes.resolve(packageDir))) {
            files = listed.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(new JarEntry(packageDir + "/" + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("META-INF/services/" + RealmResourceProviderFactory.class.getName()));
            zip.write((CredentialProbeResourceProviderFactory.class.getName() + "\n"
                    + ScheduledTaskProbeResourceProviderFactory.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new JarEntry("META-INF/services/" + EventListenerProviderFactory.class.getName()));
            zip.write((RollbackProbeEventListenerFactory.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
