package dev.tenancy.keycloak.transfer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import dev.tenancy.keycloak.error.TenancyException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.keycloak.models.RealmModel;

/**
 * Writes the realm's rows to a temporary file as they are read: a page of {@value #PAGE} rows by id at a time, each
 * page leaving the persistence context once written, so an export of any size holds one page and the ids it refers to
 * in memory. The file is written within the request's transaction and sent after it ended: a client that reads
 * slowly holds no database connection. The names of the organizations, users and groups the rows refer to come last,
 * when all of them are known. Invitation role and group rows are written only for invitations written before them:
 * one made while the export runs would otherwise leave rows without their invitation, which an import refuses.
 */
final class TransferExport {

    static final int PAGE = 500;
    /** Exports a node writes or sends at once: each holds a file the size of the export until its client has it. */
    private static final int AT_ONCE = 2;
    private static final Semaphore SENDING = new Semaphore(AT_ONCE);
    private static final JsonMapper MAPPER = new JsonMapper();

    private final EntityManager em;
    private final RealmModel realm;
    private final RealmDirectory directory;

    TransferExport(EntityManager em, RealmModel realm) {
        this.em = em;
        this.realm = realm;
        this.directory = new RealmDirectory(em, realm.getId());
    }

    /**
     * The export, read from a temporary file that is deleted when the stream is closed (sent, or the client gone).
     * At most {@value #AT_ONCE} at once per node; another is a 429.
     */
    InputStream written() {
        if (!SENDING.tryAcquire()) {
            throw TenancyException.rateLimited("This server is writing or sending " + AT_ONCE + " tenancy exports "
                    + "already; try again when one has been received", 60);
        }
        Path file = null;
        try {
            file = Files.createTempFile("tenancy-export-", ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                write(out);
            }
            return new Sending(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException e) {
            SENDING.release();
            deleteQuietly(file);
            throw new UncheckedIOException("Cannot write the tenancy export to a temporary file", e);
        } catch (RuntimeException | Error e) {
            SENDING.release();
            deleteQuietly(file);
            throw e;
        }
    }

    /** The file being sent; closing it (once) lets another export start. */
    private static final class Sending extends FilterInputStream {

        private final AtomicBoolean closed = new AtomicBoolean();

        Sending(InputStream file) {
            super(file);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (closed.compareAndSet(false, true)) {
                    SENDING.release();
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left in the temporary directory: it holds no secret in clear, only hashes and ciphertext.
        }
    }

    private void write(OutputStream out) throws IOException {
        JsonGenerator json = MAPPER.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("format", TransferDocument.FORMAT);
        json.writeNumberField("version", TransferDocument.VERSION);
        json.writeObjectFieldStart("realm");
        json.writeStringField("id", realm.getId());
        json.writeStringField("name", realm.getName());
        json.writeEndObject();
        json.writeNumberField("exportedAt", System.currentTimeMillis());
        References referenced = new References();
        Set<String> invitations = new HashSet<>();
        for (RowKind kind : RowKind.ALL) {
            json.writeArrayFieldStart(kind.name());
            writeRows(kind, json, referenced, invitations);
            json.writeEndArray();
        }
        Map<String, String> aliases = directory.organizations();
        Map<String, String> organizations = new TreeMap<>();
        new TreeSet<>(referenced.organizations()).forEach(id -> organizations.put(id, aliases.get(id)));
        writeNames(json, "organizations", organizations);
        writeNames(json, "users", new TreeMap<>(directory.users(referenced.users())));
        writeNames(json, "groups", new TreeMap<>(directory.groups(referenced.groups())));
        json.writeEndObject();
        json.flush();
    }

    @SuppressWarnings("unchecked")
    private <E> void writeRows(RowKind kind, JsonGenerator json, References referenced, Set<String> invitations)
            throws IOException {
        EntityRows<E> entityRows = (EntityRows<E>) kind.rows();
        String after = "";
        while (true) {
            List<E> page = em.createQuery(kind.pageQuery(), entityRows.type())
                    .setParameter("realmId", realm.getId())
                    .setParameter("after", after)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (E entity : page) {
                ObjectNode row = entityRows.toJson(entity);
                em.detach(entity);
                if (kind == RowKind.INVITATIONS) {
                    invitations.add(row.path("id").textValue());
                } else if (row.has("invitationId") && !invitations.contains(row.path("invitationId").textValue())) {
                    continue;
                }
                json.writeTree(row);
                referenced.note(kind, row);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = (String) entityRows.value(page.get(page.size() - 1), "id");
        }
    }

    private static void writeNames(JsonGenerator json, String field, Map<String, String> names) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> name : names.entrySet()) {
            json.writeStringField(name.getKey(), name.getValue());
        }
        json.writeEndObject();
    }
}
