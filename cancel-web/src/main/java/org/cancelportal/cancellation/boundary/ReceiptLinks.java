package org.cancelportal.cancellation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.cancelportal.web.ShowingLinks;

/** The signed, expiring link to a receipt that every email about a cancellation carries; it only shows, never acts. */
@ApplicationScoped
public class ReceiptLinks extends ShowingLinks {

    public ReceiptLinks() {
        super("receipt", "/receipt");
    }
}
