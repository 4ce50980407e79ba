package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's API keys page: the user's own keys (create, with the key shown once in a dialog; revoke) and, for
 * members who manage keys, the tenant's keys. Rows are found by key name.
 */
public final class ConsoleApiKeysPage {

    private final Console console;

    public ConsoleApiKeysPage(Console console) {
        this.console = console;
        console.visible(By.cssSelector("[data-test^='key-'], [data-test='keys-empty']"));
    }

    /**
     * Creates a key with {@code scopes} given as {@code module:level} and returns the key as the dialog shows it.
     * The dialog stays open (see {@link #closeKeyDialog}).
     */
    public String create(String name, String... scopes) {
        console.visible(test("create-api-key")).click();
        WebElement dialog = console.visible(test("create-key-dialog"));
        dialog.findElement(test("key-name-input")).sendKeys(name);
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            new Select(dialog.findElement(test("scope-" + parts[0]))).selectByValue(parts[1]);
        }
        dialog.findElement(test("save-key")).click();
        return shownKey();
    }

    /** The key in the shown-once field of the open dialog. */
    public String shownKey() {
        WebElement field = console.visible(By.cssSelector("[data-test='api-key-dialog'] [data-test='api-key']"));
        return field.getDomProperty("value");
    }

    public void closeKeyDialog() {
        console.visible(test("key-done")).click();
        console.gone(test("api-key-dialog"));
    }

    private WebElement myRow(String name) {
        return console.visible(By.xpath("//tr[starts-with(@data-test,'key-')][.//*[@data-test='key-name' and text()='"
                + name + "']]"));
    }

    private WebElement tenantRow(String name) {
        return console.visible(By.xpath("//tr[starts-with(@data-test,'tenant-key-')][.//*[@data-test='key-name' and text()='"
                + name + "']]"));
    }

    public String status(String name) {
        return myRow(name).findElement(test("key-status")).getText();
    }

    public String scopes(String name) {
        return myRow(name).findElement(test("key-scopes")).getText();
    }

    /** Revokes one of the user's own keys, confirming in the dialog; waits until the row says revoked. */
    public void revoke(String name) {
        myRow(name).findElement(test("revoke")).click();
        console.visible(test("confirm-revoke")).click();
        console.gone(test("revoke-dialog"));
        console.browser().waiting().until(driver -> status(name).contains("revoked"));
    }

    /**
     * Rotates one of the user's own keys with the old key working {@code graceSeconds} longer (0, 3600, 86400 or
     * 604800) and returns the new key as the dialog shows it; the dialog stays open.
     */
    public String rotate(String name, int graceSeconds) {
        myRow(name).findElement(test("rotate")).click();
        WebElement dialog = console.visible(test("rotate-dialog"));
        new Select(dialog.findElement(test("rotate-grace"))).selectByValue(String.valueOf(graceSeconds));
        dialog.findElement(test("confirm-rotate")).click();
        console.gone(test("rotate-dialog"));
        return shownKey();
    }

    /** The grace period explained in the open key dialog after a rotation. */
    public String graceInfo() {
        return console.visible(By.cssSelector("[data-test='api-key-dialog'] [data-test='grace-info']")).getText();
    }

    /** The names in the tenant's keys section; empty when the section is not shown. */
    public List<String> tenantKeyNames() {
        return console.browser().driver()
                .findElements(By.cssSelector("[data-test^='tenant-key-'] [data-test='key-name']"))
                .stream().map(WebElement::getText).toList();
    }

    public boolean showsTenantKeys() {
        return console.present(By.cssSelector("[data-test^='tenant-key-'], [data-test='tenant-keys-empty']"));
    }

    /** Revokes a key in the tenant's keys section; waits until its row says revoked. */
    public void revokeInTenant(String name) {
        tenantRow(name).findElement(test("revoke")).click();
        console.visible(test("confirm-revoke")).click();
        console.gone(test("revoke-dialog"));
        console.browser().waiting().until(driver -> tenantRow(name).findElement(test("key-status")).getText()
                .contains("revoked"));
    }
}
