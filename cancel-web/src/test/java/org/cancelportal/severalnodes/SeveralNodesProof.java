package org.cancelportal.severalnodes;

import java.util.List;

/**
 * Proves that the nodes behind the proxy behave as one portal (several-nodes/prove runs it against
 * several-nodes/start): the throttles count across nodes, Faces postbacks land on any node, every message goes out
 * exactly once however many nodes relay, and a signed-in person carries on when a node is lost. The lost node comes
 * last, because the proof kills it.
 */
public final class SeveralNodesProof {

    private SeveralNodesProof() {
    }

    public static void main(String[] args) {
        Cluster cluster = Cluster.fromArguments(args);
        Findings findings = new Findings();
        System.out.printf("Proving %d nodes behind %s%n", cluster.nodes(), cluster.proxy());
        List.of(new ThrottlesAcrossNodes(cluster, findings), new AlternatingPostbacks(cluster, findings),
                new DeliveredOnce(cluster, findings), new LostNode(cluster, findings)).forEach(Proof::prove);
        findings.close();
    }
}
