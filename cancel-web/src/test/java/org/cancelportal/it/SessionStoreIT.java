package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.FormClient;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the session store writes for a signed-in person: the whole session goes to the database at the end of
 * every request, so its size is paid on every page view.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionStoreIT extends PortalOnly {

    private static final Pattern CANCEL_FORM = Pattern.compile("<form id=\"([^\"]*:cancel)\"");
    private static final Pattern SUBMIT = Pattern.compile("<input id=\"([^\"]+)\" name=\"[^\"]+\" type=\"submit\"");

    @Test
    void aSessionOfManyAccountViewsStaysSmallInTheStore() {
        FormClient.Page account = signIn(TestData.newSubscriber(base));
        long firstView = report("after sign-in and one account view", account.client());
        for (int view = 0; view < 30; view++) {
            account = account.client().get(base + "account");
            assertEquals(200, account.status());
        }
        long bytes = report("after 30 more account views", account.client());

        String form = first(CANCEL_FORM, account.body());
        FormClient.Page receipt = account.submit(form, Map.of(), first(SUBMIT, account.form(form)));
        assertTrue(receipt.body().contains("Your cancellation is confirmed"), receipt.body());
        report("after the cancel and its receipt", account.client());

        assertTrue(bytes < 2 * firstView, "30 more account views keep at most the last few views, not 20: "
                + firstView + " bytes, then " + bytes);
    }

    private long report(String when, FormClient client) {
        String attributes = client.get(base + "test-fixtures/session-sizes").body();
        long bytes = attributes.lines().filter(line -> !line.startsWith("id "))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
        System.out.println("session store, " + when + ": " + bytes + " bytes of attributes\n" + attributes);
        return bytes;
    }

    private FormClient.Page signIn(TestData.Person person) {
        FormClient.Page login = FormClient.direct().get(base + "login");
        FormClient.Page account = login.submit("login",
                Map.of("login:email", person.email(), "login:password", person.password()), "login:submit");
        if (!account.uri().getPath().endsWith("/account")) {
            account = account.client().get(base + "account");
        }
        assertTrue(account.body().contains("Cancel at the end of the period"), account.body());
        return account;
    }

    private static String first(Pattern pattern, String html) {
        Matcher found = pattern.matcher(html);
        if (!found.find()) {
            throw new AssertionError("no " + pattern + " in " + html);
        }
        return found.group(1);
    }
}
