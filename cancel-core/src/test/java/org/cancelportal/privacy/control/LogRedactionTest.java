package org.cancelportal.privacy.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LogRedactionTest {

    @Test
    void anAddressInTextBecomesTheSameShortHashEveryTime() {
        String once = LogRedaction.text("Invalid Addresses: <kim.lee@example.com>; kim.lee@example.com again");

        assertFalse(once.contains("kim.lee"), once);
        String hash = LogRedaction.hashed("kim.lee@example.com");
        assertEquals("Invalid Addresses: <" + hash + ">; " + hash + " again", once);
        assertEquals("status 500 at https://hooks.example.com/x", LogRedaction.text(
                "status 500 at https://hooks.example.com/x"), "text without an address stays as it is");
    }

    @Test
    void theMailLibrarysRefusalOfAnAddressIsLoggedWithItsClassAndStackButNotTheAddress() {
        AddressException refused = null;
        try {
            new InternetAddress("kim-7f3a @example.com", true);
        } catch (AddressException e) {
            refused = e;
        }
        assertTrue(String.valueOf(refused).contains("kim-7f3a"), "the library names the address: " + refused);
        RuntimeException wrapped = new IllegalStateException("sending failed", refused);

        Throwable logged = LogRedaction.throwable(wrapped);

        StringWriter printed = new StringWriter();
        logged.printStackTrace(new PrintWriter(printed));
        assertFalse(printed.toString().contains("kim-7f3a"), printed.toString());
        assertTrue(printed.toString().contains("jakarta.mail.internet.AddressException: Local address contains"),
                printed.toString());
        assertArrayEquals(refused.getStackTrace(), logged.getCause().getStackTrace());
    }
}
