package org.cancelportal.devdb;

import java.io.IOException;
import java.util.Arrays;
import org.cancelportal.demoreceiver.DemoReceiver;

/**
 * What the run command starts before the portal: its PostgreSQL, and the demo receiver that stands in for the demo
 * operator's webhook endpoint. Arguments: DevDatabase's three, then the receiver's port, the portal's address and the
 * demo operator's API key.
 */
public final class DevRun {

    private DevRun() {
    }

    public static void main(String[] args) throws IOException {
        DevDatabase.main(Arrays.copyOf(args, 3));
        DemoReceiver.start(Integer.parseInt(args[3]), args[4], args[5]);
        System.out.printf("%n  Demo webhook receiver listening on http://127.0.0.1:%s/webhooks%n%n", args[3]);
    }
}
