package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's credentials page: the user's own and the tenant's tabs, masked rows by name, the create form and
 * the reveal dialog with its audited-read notice.
 */
public final class ConsoleCredentialsPage {

    private static final By LIST_OR_EMPTY = By.cssSelector("[data-test^='credential-'], [data-test='empty']");

    private final Console console;

    public ConsoleCredentialsPage(Console console) {
        this.console = console;
        console.visible(test("create"));
    }

    public boolean hasTenantTab() {
        return console.present(test("tab-tenant"));
    }

    /** Shows the tenant's credentials. */
    public ConsoleCredentialsPage tenantTab() {
        console.visible(test("tab-tenant")).click();
        console.visible(test("panel-tenant"));
        console.visible(LIST_OR_EMPTY);
        return this;
    }

    private WebElement row(String name) {
        return console.visible(test("credential-" + name));
    }

    public String masked(String name) {
        return row(name).findElement(test("masked-value")).getText();
    }

    public String status(String name) {
        return row(name).findElement(test("credential-status")).getText();
    }

    /** Opens the reveal dialog of {@code name} and returns what it says before anything is read. */
    public String openReveal(String name) {
        row(name).findElement(test("reveal")).click();
        return console.visible(test("reveal-dialog")).getText();
    }

    /** Confirms the audited read and returns the value the dialog shows. */
    public String confirmReveal() {
        console.visible(test("confirm-reveal")).click();
        return console.visible(test("revealed-value")).getDomProperty("value");
    }

    public void closeReveal() {
        console.visible(test("close-reveal")).click();
        console.gone(test("reveal-dialog"));
    }

    public boolean canReveal(String name) {
        return !row(name).findElements(test("reveal")).isEmpty();
    }

    /** Sets a new value through the row's dialog and waits for it to close. */
    public void rotate(String name, String value) {
        row(name).findElement(test("rotate")).click();
        console.visible(test("rotate-dialog"));
        type("credential-value", value);
        console.visible(test("save-rotate")).click();
        console.gone(test("rotate-dialog"));
    }

    /** Deactivates the credential and waits for the row to say so. */
    public void deactivate(String name, String deactivatedLabel) {
        row(name).findElement(test("deactivate")).click();
        console.awaitText(By.cssSelector("[data-test='credential-" + name + "'] [data-test='credential-status']"),
                deactivatedLabel);
    }

    /** Deletes the credential after the confirmation and waits for its row to go. */
    public void delete(String name) {
        row(name).findElement(test("delete")).click();
        console.visible(test("confirm-delete")).click();
        console.gone(test("delete-dialog"));
        console.gone(test("credential-" + name));
    }

    /** Fills the create form for a one-string type and submits it; the dialog stays open on an error. */
    public void submitCreate(String name, String provider, String typeLabel, String value) {
        openCreate(name, provider, typeLabel);
        type("credential-value", value);
        console.visible(test("save-credential")).click();
    }

    /** Fills the create form for an OAuth token and submits it. */
    public void submitOAuthToken(String name, String provider, String accessToken, String refreshToken, String scopes) {
        openCreate(name, provider, "OAuth token");
        type("oauth-accessToken", accessToken);
        type("oauth-refreshToken", refreshToken);
        type("oauth-scopes", scopes);
        console.visible(test("save-credential")).click();
    }

    public void awaitCreated(String name) {
        console.gone(test("create-dialog"));
        row(name);
    }

    /** The error shown in the create dialog. */
    public String createError() {
        return console.visible(test("create-error")).getText();
    }

    private void openCreate(String name, String provider, String typeLabel) {
        console.visible(test("create")).click();
        console.visible(test("create-dialog"));
        type("credential-name-input", name);
        type("credential-provider", provider);
        new Select(console.visible(test("credential-type"))).selectByVisibleText(typeLabel);
    }

    private void type(String field, String text) {
        WebElement input = console.visible(test(field));
        input.clear();
        input.sendKeys(text);
    }
}
