package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.cancelportal.web.ShowingLinks;

/** The signed, expiring link to a withdrawal's confirmation page that its email carries; it only shows, never acts. */
@ApplicationScoped
public class WithdrawalLinks extends ShowingLinks {

    public WithdrawalLinks() {
        super("withdrawal", "/withdrawal");
    }
}
