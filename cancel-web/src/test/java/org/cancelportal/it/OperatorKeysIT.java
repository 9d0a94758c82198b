package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.support.Emails;
import org.cancelportal.it.support.OperatorFixture;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator's API keys through the real API: a rotation keeps the key it was made with for a grace period and stops
 * every other key, a revocation stops one key at once, and each is audited and emailed to the operator's contact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorKeysIT extends PortalOnly {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    OperatorClient.Created shop;

    @BeforeEach
    void newOperator() {
        shop = OperatorClient.newOperator(base, "https://other.example.com");
    }

    @Test
    void aKeyMintedWithALeakedKeyDoesNotSurviveTheOperatorsNextRotation() {
        OperatorClient thief = new OperatorClient(base, shop.key());
        OperatorClient withMinted = new OperatorClient(base, rotate(thief));
        assertEquals(200, withMinted.get("subscriptions").status());

        OperatorClient withOwn = new OperatorClient(base, rotate(shop.client()));
        assertEquals(401, withMinted.get("subscriptions").status(), "the thief's key stopped with the rotation");
        assertEquals(200, withOwn.get("subscriptions").status());

        assertEquals(204, withOwn.post("api-keys/revoke", "{\"api_key\":\"" + shop.key() + "\"}").status());
        assertEquals(401, thief.get("subscriptions").status(), "the leaked key stopped with its revocation");
        assertEquals(401, thief.post("api-keys/rotate", "").status(), "and can mint nothing more");
        assertEquals(200, withOwn.get("subscriptions").status());
    }

    @Test
    void theKeyRotatedWithWorksOnlyUntilItsGraceEnds() {
        OperatorClient.Reply rotated = shop.client().post("api-keys/rotate", "");
        assertEquals(201, rotated.status(), rotated.body());
        assertTrue(rotated.json().getString("previous_key_valid_until").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"),
                rotated.body());
        OperatorClient withNew = new OperatorClient(base, rotated.json().getString("api_key"));
        assertEquals(200, shop.client().get("subscriptions").status(), "no gap while the operator switches");

        OperatorClient.endKeyGrace(base, shop.code());

        assertEquals(401, shop.client().get("subscriptions").status(), "its grace is over");
        assertEquals(200, withNew.get("subscriptions").status());
    }

    @Test
    void aKeyOfAnotherOperatorOrNoneCannotBeRevoked() {
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");
        assertEquals(404, shop.client().post("api-keys/revoke", "{\"api_key\":\"" + other.key() + "\"}").status());
        assertEquals(200, other.client().get("subscriptions").status());
        assertEquals(400, shop.client().post("api-keys/revoke", "{}").status());
    }

    @Test
    void everyRotationAndRevocationIsAuditedAndEmailedToTheOperatorsContact() {
        String first = shop.key();
        OperatorClient withNew = new OperatorClient(base, rotate(shop.client()));
        assertEquals(204, withNew.post("api-keys/revoke", "{\"api_key\":\"" + first + "\"}").status());

        List<String> audit = OperatorClient.audit(base, shop.code());
        assertTrue(audit.stream().anyMatch(line -> line.startsWith("API_KEY_ROTATED ")), audit.toString());
        assertTrue(audit.stream().anyMatch(line -> line.startsWith("API_KEY_REVOKED ")), audit.toString());
        String contact = OperatorFixture.contactEmail(shop.code());
        TestServer.eventually("two emails to " + contact).until(() -> Emails.to(SMTP, contact, "").size() == 2);
        List<String> subjects = Emails.to(SMTP, contact, "").stream().map(Emails::subject).toList();
        String name = "Shop " + shop.code().substring(3);
        assertTrue(subjects.contains("Your API key for " + name + " was rotated"), subjects.toString());
        assertTrue(subjects.contains("An API key for " + name + " was revoked"), subjects.toString());
    }

    private static String rotate(OperatorClient client) {
        OperatorClient.Reply reply = client.post("api-keys/rotate", "");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("api_key");
    }
}
