package org.cancelportal.severalnodes;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.support.FormClient;

/** What a person does on the portal without JavaScript, and how the proof reads the page that came back. */
final class Visits {

    private static final Pattern CANCEL_FORM = Pattern.compile("<form id=\"([^\"]*:cancel)\"");
    private static final Pattern HEADLINE = Pattern.compile("<(?:h1|p class=\"(?:notice|error)[^\"]*\")[^>]*>([^<]*)<");
    private static final Pattern RECEIPT_LINK = Pattern.compile("<a href=\"(/receipt\\?ref=[^\"]+)\"");
    private static final Pattern SUBMIT = Pattern.compile("<input id=\"([^\"]+)\" name=\"[^\"]+\" type=\"submit\"");

    private Visits() {
    }

    static FormClient.Page signIn(FormClient visitor, Cluster cluster, String login, String password) {
        return visitor.get(cluster.url("login")).submit("login",
                Map.of("login:email", login, "login:password", password), "login:submit");
    }

    /** Presses the first button of the first cancel box on the account page. */
    static FormClient.Page pressFirstCancelButton(FormClient.Page account) {
        String form = first(CANCEL_FORM, account.body(), account);
        return account.submit(form, Map.of(), first(SUBMIT, account.form(form), account));
    }

    static FormClient.Page pressUndo(FormClient.Page receipt) {
        return receipt.submit("undo", Map.of(), "undo:submit");
    }

    static boolean hasCancelButton(FormClient.Page account) {
        return CANCEL_FORM.matcher(account.body()).find();
    }

    /** The receipt says the cancellation was undone: the undo went through and redirected there. */
    static boolean undone(FormClient.Page page) {
        return page.status() == 200 && path(page).equals("/receipt") && page.uri().getQuery() != null
                && page.uri().getQuery().contains("done=undone");
    }

    /**
     * Brings a subscription that is still cancelled (an undo that did not go through) back, through the receipt the
     * account page links to, and returns the account page again.
     */
    static FormClient.Page undoFromAccountPage(FormClient visitor, FormClient.Page account, String accountUrl) {
        Matcher receipt = RECEIPT_LINK.matcher(account.body());
        if (receipt.find()) {
            pressUndo(visitor.get(account.uri().resolve(receipt.group(1).replace("&amp;", "&")).toString()));
        }
        return visitor.get(accountUrl);
    }

    static boolean hasUndoButton(FormClient.Page page) {
        return page.body().contains("<form id=\"undo\"");
    }

    static String path(FormClient.Page page) {
        return page.uri().getPath();
    }

    /** The page the portal draws instead of an error when the view a form came from is gone. */
    static boolean viewExpired(FormClient.Page page) {
        return page.uri().getQuery() != null && page.uri().getQuery().contains("expired=true");
    }

    /** The page's heading and any notice on it, to say what a page that should not have come said. */
    static String headline(FormClient.Page page) {
        Matcher said = HEADLINE.matcher(page.body());
        StringBuilder text = new StringBuilder();
        while (said.find()) {
            text.append(said.group(1).strip()).append(" | ");
        }
        return text.toString();
    }

    static String servedBy(FormClient.Page page) {
        return page.headers().firstValue("X-Served-By").orElse("?");
    }

    private static String first(Pattern pattern, String text, FormClient.Page page) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " on " + page.uri() + " (" + page.status() + ", "
                    + servedBy(page) + "): " + headline(page));
        }
        return matcher.group(1);
    }
}
