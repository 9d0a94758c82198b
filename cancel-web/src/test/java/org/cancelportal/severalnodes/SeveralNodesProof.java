package org.cancelportal.severalnodes;

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
        new ThrottlesAcrossNodes(cluster, findings).prove();
        new AlternatingPostbacks(cluster, findings).prove();
        new DeliveredOnce(cluster, findings).prove();
        new LostNode(cluster, findings).prove();
        findings.close();
    }
}
