package org.cancelportal.devdb;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * What the nodes started by several-nodes/start share on this machine: one PostgreSQL and the demo operator's
 * webhook receiver. Unlike the run command's, this process has no server to wait for, so it waits itself until it
 * is stopped (several-nodes/stop), and PostgreSQL stops with it. Arguments: those of DevRun.
 */
public final class SeveralNodesBackend {

    private SeveralNodesBackend() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        DevRun.main(args);
        System.out.println("  The several-nodes backend is up; several-nodes/stop ends it.");
        new CountDownLatch(1).await();
    }
}
