package dev.tenancy.keycloak.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxTest {

    @ParameterizedTest
    @CsvSource({
        "ann@acme.com, ann@acme.com",
        "Ann@ACME.com, ann@acme.com",
        "ann+x@acme.com, ann@acme.com",
        "ann+x+y@acme.com, ann@acme.com",
        "\"a@b\"@acme.com, \"a@b\"@acme.com",
        "first.last@acme.com, first.last@acme.com",
    })
    void isTheLowerCaseAddressWithoutItsTag(String email, String mailbox) {
        assertThat(Mailbox.of(email)).isEqualTo(mailbox);
    }

    @Test
    void aLocalPartThatIsOnlyATagIsKept() {
        assertThat(Mailbox.of("+x@acme.com")).isEqualTo("+x@acme.com");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "acme.com", "@acme.com", "ann@"})
    void isNothingWithoutALocalPartAndADomain(String email) {
        assertThat(Mailbox.of(email)).isNull();
    }
}
