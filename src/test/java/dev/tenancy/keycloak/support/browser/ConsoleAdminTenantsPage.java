package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/** The console's realm-admin tenants page: rows by alias, search, the create, delete and invite dialogs. */
public final class ConsoleAdminTenantsPage {

    private final Console console;

    public ConsoleAdminTenantsPage(Console console) {
        this.console = console;
        console.visible(By.cssSelector("[data-test^='tenant-search']"));
        console.visible(By.cssSelector("[data-test^='tenant-'] [data-test='tenant-alias'], [data-test='empty']"));
    }

    /** The aliases of the rows shown (read again when the table re-renders while it is read). */
    public List<String> aliases() {
        for (int attempt = 0; ; attempt++) {
            try {
                return console.browser().driver()
                        .findElements(By.cssSelector("tr[data-test^='tenant-'] [data-test='tenant-alias']"))
                        .stream().map(WebElement::getText).toList();
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public String emptyState() {
        return console.visible(test("empty")).getText();
    }

    /** Creates a tenant through the dialog and waits for its row. */
    public void create(String name, String alias, String description) {
        console.visible(test("create-tenant")).click();
        WebElement dialog = console.visible(test("create-dialog"));
        dialog.findElement(test("new-tenant-name")).sendKeys(name);
        dialog.findElement(test("new-tenant-alias")).sendKeys(alias);
        dialog.findElement(test("new-tenant-description")).sendKeys(description);
        dialog.findElement(test("save-tenant")).click();
        console.gone(test("create-dialog"));
        console.visible(test("tenant-" + alias));
    }

    /** Searches and waits until the rows (or the empty state) answer the search. */
    public void search(String text, String expectedAlias) {
        WebElement field = console.visible(test("tenant-search"));
        field.clear();
        field.sendKeys(text);
        console.visible(test("run-search")).click();
        if (expectedAlias != null) {
            // The searched row may be on the page before the answer arrives: wait until it is the only one.
            try {
                console.browser().waiting().until(driver -> aliases().equals(List.of(expectedAlias)));
            } catch (TimeoutException e) {
                throw console.failure("the search did not leave only '" + expectedAlias + "'", e);
            }
        }
    }

    /** Opens the delete confirmation and returns its title, which names the tenant. */
    public String askToDelete(String alias) {
        console.visible(test("tenant-" + alias)).findElement(test("delete")).click();
        return console.visible(By.cssSelector("[data-test='delete-dialog'] .pf-v5-c-modal-box__title")).getText();
    }

    public void confirmDelete(String alias) {
        console.visible(test("confirm-delete")).click();
        console.gone(test("delete-dialog"));
        console.gone(test("tenant-" + alias));
    }

    /**
     * Invites {@code email} into the tenant with {@code roles} without mail and returns the link the dialog shows
     * once; closes the dialog.
     */
    public String inviteWithLink(String alias, String email, String... roles) {
        console.visible(test("tenant-" + alias)).findElement(test("invite")).click();
        WebElement dialog = console.visible(test("invite-dialog"));
        console.visible(By.cssSelector("[data-test='invite-roles'] input[type=checkbox]"));
        dialog.findElement(test("invite-email")).sendKeys(email);
        for (WebElement box : dialog.findElements(By.cssSelector("[data-test='invite-roles'] input[type=checkbox]"))) {
            if (List.of(roles).contains(box.getDomAttribute("data-value")) != box.isSelected()) {
                box.click();
            }
        }
        dialog.findElement(test("invite-send-email")).click();
        dialog.findElement(test("send-invitation")).click();
        String link = console.visible(test("invitation-link")).getDomProperty("value");
        console.visible(test("close-issued")).click();
        console.gone(test("invite-dialog"));
        console.gone(test("issued-dialog"));
        return link;
    }

    /** The group paths the invite dialog offers (Keycloak's groups); closes the dialog. */
    public List<String> groupsOffered(String alias) {
        console.visible(test("tenant-" + alias)).findElement(test("invite")).click();
        console.visible(test("invite-dialog"));
        List<String> groups = console.browser().waiting().until(driver -> {
            List<String> found = driver.findElements(By.cssSelector("[data-test='invite-groups'] input[type=checkbox]"))
                    .stream().map(box -> box.getDomAttribute("data-value")).toList();
            return found.isEmpty() ? null : found;
        });
        console.visible(By.cssSelector("[data-test='invite-dialog'] .tc-modal-close")).click();
        console.gone(test("invite-dialog"));
        return groups;
    }
}
