package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's invitations page: the invite form, the list by status, and revoking a row. */
public final class ConsoleInvitationsPage {

    private final Console console;

    public ConsoleInvitationsPage(Console console) {
        this.console = console;
        console.visible(test("invite-form"));
        console.visible(By.cssSelector("[data-test^='invitation-'], [data-test='empty']"));
    }

    /** The roles the form offers (the ones this user may grant). */
    public List<String> offeredRoles() {
        return console.browser().driver().findElements(By.cssSelector("[data-test='invite-roles'] input[type=checkbox]"))
                .stream().map(box -> box.getDomAttribute("data-value")).toList();
    }

    /** Fills in the form and sends it; does not wait for the answer (see {@link #awaitSent}, {@link #formError}). */
    public void invite(String email, String... roles) {
        WebElement input = console.visible(test("invite-email"));
        input.clear();
        input.sendKeys(email);
        for (String role : roles) {
            WebElement box = console.visible(By.cssSelector("[data-test='invite-roles'] input[data-value='" + role + "']"));
            if (!box.isSelected()) {
                box.click();
            }
        }
        console.visible(test("send-invitation")).click();
    }

    /** Waits for the confirmation that the mail went out and returns it. */
    public String awaitSent() {
        return console.visible(test("invite-sent")).getText();
    }

    /** Waits for the error shown in the form and returns its text. */
    public String formError() {
        return console.visible(By.cssSelector("[data-test='invite-form'] [data-test='invite-error']")).getText();
    }

    private By row(String email) {
        return test("invitation-" + email);
    }

    public String status(String email) {
        return console.visible(row(email)).findElement(test("invitation-status")).getText();
    }

    public String roles(String email) {
        return console.visible(row(email)).findElement(test("invitation-roles")).getText();
    }

    /** Waits until the row of {@code email} shows {@code status}. */
    public void awaitStatus(String email, String status) {
        console.awaitText(By.cssSelector("[data-test='invitation-" + email + "'] [data-test='invitation-status']"), status);
    }

    public void filter(String status) {
        new Select(console.visible(test("status-filter"))).selectByValue(status);
    }

    /** Revokes the invitation of {@code email} and confirms in the dialog; waits until the dialog has closed. */
    public void revoke(String email) {
        console.visible(row(email)).findElement(test("revoke")).click();
        console.visible(test("confirm-revoke")).click();
        console.gone(test("revoke-dialog"));
    }

    /** Scrolls the row of {@code email} into the middle of the window (for a screenshot that shows the list). */
    public void scrollTo(String email) {
        ((JavascriptExecutor) console.browser().driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", console.visible(row(email)));
    }

    public boolean canRevoke(String email) {
        return !console.visible(row(email)).findElements(test("revoke")).isEmpty();
    }
}
