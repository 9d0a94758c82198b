package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.FormClient;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a signed-in page view costs the database, counted by PostgreSQL itself (pg_stat_statements on the test
 * database): the sign-in is read once, at sign-in, and not again on every page of the session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignedInPageStatementsIT extends PortalOnly {

    private static final Pattern CANCEL_FORM = Pattern.compile("<form id=\"([^\"]*:cancel)\"");
    private static final Pattern SUBMIT = Pattern.compile("<input id=\"([^\"]+)\" name=\"[^\"]+\" type=\"submit\"");
    private static final String LOGIN_READS = "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
            + " WHERE query ILIKE '%app_user%' AND query NOT ILIKE '%pg_stat_statements%'";
    private static final String SUBSCRIPTIONS_OF_A_SUBSCRIBER = "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
            + " WHERE query ILIKE '%FROM SUBSCRIPTION WHERE (subscriber_id = $1)%'";

    @BeforeAll
    static void countStatements() throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    @Test
    void accountPagesOfASignedInSessionReadTheLoginNoMore() throws SQLException {
        long beforeSignIn = loginReads();
        FormClient.Page account = signedIn();
        long afterSignIn = loginReads();
        assertTrue(afterSignIn > beforeSignIn, "the sign-in itself reads the login");
        long subscriptionReads = count(SUBSCRIPTIONS_OF_A_SUBSCRIBER);

        for (int view = 0; view < 5; view++) {
            account = account.client().get(base + "account");
            assertEquals(200, account.status());
            assertTrue(account.body().contains("Cancel at the end of the period"), account.body());
        }

        assertEquals(afterSignIn, loginReads(), "statements on app_user during five account page views");
        assertEquals(subscriptionReads + 5, count(SUBSCRIPTIONS_OF_A_SUBSCRIBER),
                "one read of the subscriber's subscriptions a view, for the cards and the withdrawal boxes alike");
    }

    @Test
    void cancellingStillChecksTheLoginAndHappens() throws SQLException {
        FormClient.Page account = signedIn();
        long beforeCancel = loginReads();

        String form = first(CANCEL_FORM, account.body());
        FormClient.Page receipt = account.submit(form, Map.of(), first(SUBMIT, account.form(form)));

        assertTrue(receipt.body().contains("Your cancellation is confirmed"), receipt.body());
        assertTrue(loginReads() > beforeCancel, "acting makes sure the login was not erased since the sign-in");
    }

    @Test
    void aSessionSignedInBeforeItsPersonWasErasedShowsAndCancelsNothing() {
        TestData.Person person = TestData.newSubscriber(base);
        FormClient.Page account = signedIn(person);
        FormClient.Page erasure = signIn(TestData.newStaff(base, "admin")).client().get(base + "admin/erasure");
        FormClient.Page erased = erasure.submit("erasure", Map.of("erasure:email", person.email()), "erasure:erase");
        assertEquals(200, erased.status(), erased.body());

        FormClient.Page afterwards = account.client().get(base + "account");
        assertFalse(afterwards.body().contains("Cancel at the end of the period"), afterwards.body());
        String form = first(CANCEL_FORM, account.body());
        FormClient.Page pressed = account.submit(form, Map.of(), first(SUBMIT, account.form(form)));
        assertFalse(pressed.body().contains("Your cancellation is confirmed"), pressed.body());
    }

    private FormClient.Page signedIn() {
        return signedIn(TestData.newSubscriber(base));
    }

    private FormClient.Page signedIn(TestData.Person person) {
        FormClient.Page account = signIn(person);
        if (!account.uri().getPath().endsWith("/account")) {
            account = account.client().get(base + "account");
        }
        assertTrue(account.body().contains("Cancel at the end of the period"), account.body());
        return account;
    }

    private FormClient.Page signIn(TestData.Person person) {
        FormClient.Page login = FormClient.direct().get(base + "login");
        return login.submit("login", Map.of("login:email", person.email(), "login:password", person.password()),
                "login:submit");
    }

    private static String first(Pattern pattern, String html) {
        Matcher found = pattern.matcher(html);
        if (!found.find()) {
            throw new AssertionError("no " + pattern + " in " + html);
        }
        return found.group(1);
    }

    private static long loginReads() throws SQLException {
        return count(LOGIN_READS);
    }

    private static long count(String calls) throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery(calls)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + System.getProperty("it.db.port")
                + "/postgres", "postgres", "postgres");
    }
}
