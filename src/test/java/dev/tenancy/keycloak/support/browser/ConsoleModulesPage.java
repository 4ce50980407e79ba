package dev.tenancy.keycloak.support.browser;

import static dev.tenancy.keycloak.support.browser.Console.test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console's modules page: the role × module matrix, its level selects, save and the answer beside the form. */
public final class ConsoleModulesPage {

    private final Console console;

    public ConsoleModulesPage(Console console) {
        this.console = console;
        console.visible(By.cssSelector("[data-test='matrix'], [data-test='empty']"));
    }

    /** The level that applies to {@code role} on {@code module} in this tenant, as shown. */
    public String effective(String role, String module) {
        return console.visible(test("effective-" + role + "-" + module)).getText();
    }

    public boolean canEdit() {
        return console.present(By.cssSelector("[data-test^='level-']"));
    }

    public boolean canEdit(String role, String module) {
        return console.visible(test("level-" + role + "-" + module)).isEnabled();
    }

    /** Chooses a level ({@code none}, {@code read}, …, or {@code ""} for the realm default) without saving. */
    public void choose(String role, String module, String level) {
        new Select(console.visible(test("level-" + role + "-" + module))).selectByValue(level);
    }

    /** Saves and waits for the success notice. */
    public void save() {
        console.visible(test("save-modules")).click();
        console.visible(test("saved"));
    }

    /** Saves and returns the refusal shown beside the form. */
    public String saveRefused() {
        console.visible(test("save-modules")).click();
        WebElement error = console.visible(test("save-error"));
        return error.getText();
    }
}
