package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's realm configuration form: roles, modules with levels per role, settings, save. */
public final class ConsoleAdminConfigPage {

    private final Console console;

    public ConsoleAdminConfigPage(Console console) {
        this.console = console;
        console.visible(By.cssSelector("[data-test='config-form'], [data-test='read-only']"));
    }

    public boolean editable() {
        return console.present(test("config-form"));
    }

    public void addModule(String module) {
        WebElement field = console.visible(test("new-module"));
        field.clear();
        field.sendKeys(module);
        console.visible(test("add-new-module")).click();
        console.visible(test("module-" + module));
        console.browser().waiting().until(driver -> field.getDomProperty("value").isEmpty());
    }

    public void setLevel(String module, String role, String level) {
        new Select(console.visible(test("level-" + module + "-" + role))).selectByValue(level);
    }

    public void addRole(String role) {
        WebElement field = console.visible(test("new-role"));
        field.clear();
        field.sendKeys(role);
        console.visible(test("add-new-role")).click();
        console.visible(test("role-" + role));
    }

    /** Ticks or clears one permission of a role. */
    public void setPermission(String role, String permission, boolean granted) {
        WebElement box = console.visible(By.cssSelector("[data-test='permissions-" + role + "'] input[data-value='"
                + permission + "']"));
        if (box.isSelected() != granted) {
            box.click();
        }
    }

    public void setApiKeyPrefix(String prefix) {
        WebElement field = console.visible(test("config-apiKeyPrefix"));
        field.clear();
        field.sendKeys(prefix);
    }

    /** Saves and waits for the page to say it is saved. */
    public void save() {
        console.visible(test("save-config")).click();
        console.visible(test("saved"));
    }

    /** Saves a form the server refuses and returns the error shown beside the form. */
    public String saveRefused() {
        console.visible(test("save-config")).click();
        return console.visible(test("save-error")).getText();
    }

    /** The read-only view's permissions of a role. */
    public String permissionsShown(String role) {
        return console.visible(test("role-" + role)).findElement(test("role-permissions")).getText();
    }
}
