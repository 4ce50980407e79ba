package dev.tenancy.keycloak.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A GreenMail SMTP server on 127.0.0.1 for one test class; {@link #configure} points a realm's SMTP settings
 * at it. Use as {@code @RegisterExtension static final MailServer mail = new MailServer();}.
 */
public final class MailServer implements BeforeAllCallback, AfterAllCallback {

    private static final Pattern INVITATION_LINK =
            Pattern.compile("https?://[^\\s\"<>]+/tenancy/invitation\\?token=[A-Za-z0-9_-]{43}");

    private GreenMail greenMail;
    private int port;

    /** One received mail, decoded. */
    public record Mail(String to, String subject, String text, String html) {

        /** The invitation link in the plain-text part. */
        public String invitationLink() {
            Matcher matcher = INVITATION_LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no invitation link in mail text: " + text);
            }
            return matcher.group();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Sets the realm's SMTP server to this one. */
    public void configure(TestRealm realm) {
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), smtp(port)), "configure SMTP");
    }

    /** Sets the realm's SMTP server to a port where nothing listens, so every send fails. */
    public void breakSmtp(TestRealm realm) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), smtp(closed)), "break SMTP");
    }

    /** Waits (up to 20 s, by GreenMail's own blocking wait) until {@code count} mails arrived in all. */
    public List<Mail> awaitMails(int count) {
        if (!greenMail.waitForIncomingEmail(20_000, count)) {
            throw new AssertionError("expected " + count + " mails, received "
                    + greenMail.getReceivedMessages().length);
        }
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::decode).toList();
    }

    /** The newest mail sent to {@code address}, once {@code count} mails arrived in all. */
    public Mail lastTo(String address, int count) {
        List<Mail> mails = awaitMails(count);
        for (int i = mails.size() - 1; i >= 0; i--) {
            if (mails.get(i).to().equalsIgnoreCase(address)) {
                return mails.get(i);
            }
        }
        throw new AssertionError("no mail to " + address + " among " + mails.size());
    }

    public int received() {
        return greenMail.getReceivedMessages().length;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode smtp(int port) {
        com.fasterxml.jackson.databind.node.ObjectNode realm = Json.object();
        realm.putObject("smtpServer")
                .put("host", "127.0.0.1")
                .put("port", Integer.toString(port))
                .put("from", "tenancy@example.com")
                .put("fromDisplayName", "Tenancy Tests");
        return realm;
    }

    private static Mail decode(MimeMessage message) {
        try {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    } else if (part.getContent() instanceof Multipart nested) {
                        for (int j = 0; j < nested.getCount(); j++) {
                            BodyPart inner = nested.getBodyPart(j);
                            if (inner.isMimeType("text/plain")) {
                                text = (String) inner.getContent();
                            } else if (inner.isMimeType("text/html")) {
                                html = (String) inner.getContent();
                            }
                        }
                    }
                }
            } else {
                text = content.toString();
            }
            return new Mail(to, message.getSubject(), text, html);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable mail", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
