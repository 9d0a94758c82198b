package org.cancelportal.severalnodes;

import java.util.concurrent.TimeUnit;
import org.cancelportal.it.support.FormClient;

/**
 * A node dies (killed, as a machine is lost) right after it drew a signed-in person's account page. The person
 * presses cancel on that page, and the proxy's next node takes it: still signed in, the same view, a receipt.
 */
final class LostNode extends Proof {

    private static final int VICTIM = 1;

    LostNode(Cluster cluster, Findings findings) {
        super(cluster, findings);
    }

    @Override
    void prove() {
        System.out.printf("%nLosing node %d in the middle of a signed-in journey%n", VICTIM);
        DemoShop shop = new DemoShop(cluster.proxy());
        FormClient visitor = FormClient.throughProxyFor(Cluster.newClientAddress());
        shop.newCustomerSignedIn("lost-node-" + shop.run(), visitor);
        String victimPort = ":" + (9000 + VICTIM);
        FormClient.Page account = visitor.get(cluster.url("account"));
        for (int tries = 0; !Visits.servedBy(account).endsWith(victimPort) && tries < cluster.nodes(); tries++) {
            account = visitor.get(cluster.url("account"));
        }
        findings.check(Visits.servedBy(account).endsWith(victimPort), "node " + VICTIM + " drew the account page");

        ProcessHandle node = cluster.nodeProcess(VICTIM);
        node.destroyForcibly();
        node.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        findings.figure("node " + VICTIM + " (pid " + node.pid() + ") killed");

        FormClient.Page receipt = Visits.pressFirstCancelButton(account);
        findings.check(Visits.path(receipt).equals("/receipt") && receipt.status() == 200
                        && Visits.hasUndoButton(receipt) && !Visits.servedBy(receipt).endsWith(victimPort),
                "the cancel pressed on the dead node's page was taken by another node, still signed in ("
                        + Visits.servedBy(receipt) + ")");
        FormClient.Page after = visitor.get(cluster.url("account"));
        findings.check(Visits.path(after).equals("/account") && after.status() == 200,
                "the person carries on, signed in, on the nodes that are left");
        FormClient.Page undone = Visits.pressUndo(receipt);
        findings.check(undone.status() == 200 && undone.uri().getQuery().contains("done=undone"),
                "and can undo the cancellation there");
    }
}
