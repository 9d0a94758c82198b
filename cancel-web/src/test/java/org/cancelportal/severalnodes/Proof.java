package org.cancelportal.severalnodes;

/** One part of the proof: what it does to the nodes, and the claims it checks on the way. */
abstract class Proof {

    protected final Cluster cluster;
    protected final Findings findings;

    Proof(Cluster cluster, Findings findings) {
        this.cluster = cluster;
        this.findings = findings;
    }

    abstract void prove();
}
