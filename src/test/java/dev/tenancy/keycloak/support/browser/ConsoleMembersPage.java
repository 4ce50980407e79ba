package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The console's members page: rows by username, their roles, and the controls the grant rule allows. */
public final class ConsoleMembersPage {

    private final Console console;

    public ConsoleMembersPage(Console console) {
        this.console = console;
        console.visible(By.cssSelector("[data-test^='member-'], [data-test='empty']"));
    }

    private WebElement row(String username) {
        return console.visible(test("member-" + username));
    }

    public String roles(String username) {
        return row(username).findElement(test("member-roles")).getText();
    }

    public List<String> usernames() {
        return console.browser().driver().findElements(By.cssSelector("[data-test^='member-'] [data-test='member-name']"))
                .stream().map(WebElement::getText).toList();
    }

    public boolean canChangeRoles(String username) {
        return !row(username).findElements(test("change-roles")).isEmpty();
    }

    public boolean canRemove(String username) {
        return !row(username).findElements(test("remove")).isEmpty();
    }

    /** Opens the role dialog, ticks exactly {@code roles} among those enabled, saves, and waits for the row. */
    public void setRoles(String username, String... roles) {
        row(username).findElement(test("change-roles")).click();
        WebElement dialog = console.visible(test("edit-roles-dialog"));
        for (WebElement box : dialog.findElements(By.cssSelector("input[type=checkbox]"))) {
            boolean wanted = List.of(roles).contains(box.getDomAttribute("data-value"));
            if (box.isEnabled() && box.isSelected() != wanted) {
                box.click();
            }
        }
        dialog.findElement(test("save-roles")).click();
        console.gone(test("edit-roles-dialog"));
    }

    /** The roles offered in the dialog that this user cannot tick (beyond their own power). */
    public List<String> rolesBeyondReach(String username) {
        row(username).findElement(test("change-roles")).click();
        WebElement dialog = console.visible(test("edit-roles-dialog"));
        List<String> disabled = dialog.findElements(By.cssSelector("input[type=checkbox]")).stream()
                .filter(box -> !box.isEnabled()).map(box -> box.getDomAttribute("data-value")).toList();
        dialog.findElement(By.cssSelector(".tc-modal-close")).click();
        console.gone(test("edit-roles-dialog"));
        return disabled;
    }

    public void remove(String username) {
        row(username).findElement(test("remove")).click();
        console.visible(test("confirm-remove")).click();
        console.gone(test("member-" + username));
    }

    /** The people asking to join, by username. */
    public List<String> requests() {
        return console.browser().driver().findElements(By.cssSelector("[data-test^='request-'] [data-test='request-name']"))
                .stream().map(WebElement::getText).toList();
    }

    /** Approves a request with the tenant's default role and waits until the person is listed as a member. */
    public void approveRequest(String username) {
        console.visible(test("request-" + username)).findElement(test("approve-request")).click();
        console.gone(test("request-" + username));
        row(username);
    }
}
