package org.cancelportal.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.webhook.Receiver;

/** A fresh operator of its own and the endpoint on loopback that receives its webhooks at {@code /hooks}. */
public final class OperatorWithHooks implements AutoCloseable {

    private final OperatorClient.Created shop;
    private final Receiver receiver;

    private OperatorWithHooks(OperatorClient.Created shop, Receiver receiver) {
        this.shop = shop;
        this.receiver = receiver;
    }

    public static OperatorWithHooks start(URL base) {
        return new OperatorWithHooks(OperatorClient.newOperator(base, "https://shop.example.com"), new Receiver());
    }

    public OperatorClient.Created shop() {
        return shop;
    }

    public Receiver receiver() {
        return receiver;
    }

    /** Registers the endpoint at {@code /hooks} for this one event type. */
    public void listenFor(String event) {
        OperatorClient.Reply created = shop.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url("/hooks")
                + "\",\"events\":[\"" + event + "\"]}");
        assertEquals(201, created.status(), created.body());
    }

    /** The body of the webhook that arrived at {@code /hooks} in this place. */
    public JsonObject hook(int index) {
        return Json.createReader(new StringReader(receiver.at("/hooks").get(index).text())).readObject();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
