package org.cancelportal.web.security;

import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * A login page's form, the same in both applications: the address and password, what each outcome of a sign-in
 * shows, and signing out. Each application names its landing page and says its messages in its own words.
 */
public abstract class LoginForm {

    @Inject
    protected FacesSignIn signIn;

    @Inject
    protected ExternalContext external;

    private String email;
    private String password;

    public void signIn() throws IOException {
        FacesSignIn.Result result = signIn.signIn(email, password);
        switch (result.outcome()) {
            case SIGNED_IN -> external.redirect(landingPage());
            case REFUSED -> error("login.failed");
            case THROTTLED -> error("login.throttled", result.waitMinutes());
            case CONTINUED -> { } // already on its way to the page asked for
        }
    }

    /** Where someone who just signed in starts, when they did not ask for a page first. */
    protected abstract String landingPage();

    /** Shows the message of this application's bundle under key. */
    protected abstract void error(String key, Object... arguments);

    public void signOut() throws IOException, ServletException {
        signIn.signOut();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
