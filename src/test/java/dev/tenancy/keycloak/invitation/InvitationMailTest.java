package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvitationMailTest {

    @Test
    void aMemberIsNeitherShownTheSmtpCauseNorToldToInviteWithoutMail() {
        assertThat(InvitationMail.notSent(false, "Connection refused: smtp.internal:25"))
                .doesNotContain("smtp.internal", "Connection refused").contains("server log");
        assertThat(InvitationMail.noSmtp(false)).contains("no SMTP server").doesNotContain("sendEmail");
    }

    @Test
    void aRealmAdminReadsTheCauseAndTheWayAround() {
        assertThat(InvitationMail.notSent(true, "Connection refused: smtp.internal:25"))
                .contains("(Connection refused: smtp.internal:25)");
        assertThat(InvitationMail.noSmtp(true)).contains("\"sendEmail\": false");
    }
}
