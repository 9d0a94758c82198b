package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin imports an operator's CSV file at /admin/import, with JavaScript off: checked first, every bad row named
 * with its reasons, and nothing imported while any row is bad.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportIT extends PortalInABrowser {

    private static final String HEADER = "subscriber_id,email,name,locale,time_zone,subscription_id,plan,started_at,"
            + "current_period_start,current_period_end,trial_ends_at";

    OperatorClient.Created shop;
    String unique;

    @Override
    boolean javascript() {
        return false;
    }

    @BeforeEach
    void operatorAndAdmin() {
        shop = OperatorClient.newOperator(base, "https://other.example.com");
        unique = UUID.randomUUID().toString().substring(0, 8);
        TestData.Person admin = TestData.newStaff(base, "admin");
        browser.signIn(admin.email(), admin.password());
        browser.open("admin/import");
        assertEquals("Import an operator's subscribers and subscriptions", browser.heading(), browser.text());
    }

    @Test
    void aFileWithBadRowsImportsNothingAndSaysWhy() {
        upload(List.of(
                "c1,ann-" + unique + "@example.com,Ann Lee,en,Europe/Berlin,s1," + shop.plan()
                        + "," + period(-330, -10, 20) + ",",
                "c2,not-an-email,Bo Park,fr,Mars/Olympus,,,,,,",
                "c3,cy-" + unique + "@example.com,Cy Diaz,de,,s3,no-such-plan,"
                        + period(-330, -10, -40) + ","), "Import");

        assertTrue(browser.text().contains("2 of 3 rows have problems. Nothing was imported."), browser.text());
        List<String> rows = browser.rowsOf("rejected");
        assertTrue(rows.contains("2 email This is not an email address."), rows.toString());
        assertTrue(rows.contains("2 locale The portal speaks 'en' and 'de'."), rows.toString());
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("2 time_zone")), rows.toString());
        assertTrue(rows.contains("3 plan There is no plan with this code."), rows.toString());
        assertTrue(rows.contains("3 current_period_end The period must end after it starts."), rows.toString());
        assertEquals(404, shop.client().get("subscribers/c1").status(), "the good row was not imported either");
    }

    @Test
    void aGoodFileIsCheckedThenImportedAndCanBeSentAgain() {
        List<String> lines = List.of(
                "c1,ann-" + unique + "@example.com,Ann Lee,en,Europe/Berlin,s1," + shop.plan()
                        + "," + period(-330, -10, 20) + ",",
                "c1,ann-" + unique + "@example.com,Ann Lee,en,Europe/Berlin,s2," + shop.plan()
                        + "," + period(-270, 4, 34) + ",",
                "\"c2\",\"bo-" + unique + "@example.com\",\"Park, Bo\",de,,,,,,,");
        upload(lines, "Check the file");
        assertTrue(browser.text().contains("All 3 rows are fine. Importing would create 2 and update 1 subscribers,"
                + " and create 2 and update 0 subscriptions. Nothing has been imported yet."), browser.text());
        assertEquals(404, shop.client().get("subscribers/c1").status(), "a check imports nothing");

        upload(lines, "Import");
        assertTrue(browser.text().contains("Imported all 3 rows: 2 subscribers created, 1 updated; 2 subscriptions"
                + " created, 0 updated."), browser.text());
        assertEquals("Park, Bo", shop.client().get("subscribers/c2").json().getString("name"));
        assertEquals("c1", shop.client().get("subscriptions/s2").json().getString("subscriber"));

        upload(lines, "Import");
        assertTrue(browser.text().contains("Imported all 3 rows: 0 subscribers created, 3 updated; 0 subscriptions"
                + " created, 2 updated."), "the same file again changes nothing new: " + browser.text());
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedPlainly() {
        upload(List.of(), "Import", "id;mail;name\n1;a@example.com;A\n");
        assertTrue(browser.text().contains("The file could not be used: The first line must name the columns"),
                browser.text());
    }

    /** started_at, current_period_start and current_period_end, each midnight so many days from today. */
    private static String period(long started, long periodStart, long periodEnd) {
        return TestTime.isoMidnightInDays(started) + "," + TestTime.isoMidnightInDays(periodStart) + ","
                + TestTime.isoMidnightInDays(periodEnd);
    }

    private void upload(List<String> rows, String button) {
        upload(rows, button, HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private void upload(List<String> rows, String button, String content) {
        try {
            Path file = Files.createTempFile("import-", ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            browser.choose("import:operator", "Shop " + shop.code().substring(3) + " (" + shop.code() + ")");
            browser.field("import:file").sendKeys(file.toAbsolutePath().toString());
            browser.press(button);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
