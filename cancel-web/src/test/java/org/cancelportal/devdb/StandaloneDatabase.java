package org.cancelportal.devdb;

import java.io.IOException;

/**
 * The embedded PostgreSQL on its own, for the several-nodes setup (cluster/nodes.sh): it runs until this process is
 * stopped, and stopping the process stops it. Arguments: DevDatabase's.
 */
public final class StandaloneDatabase {

    private StandaloneDatabase() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        DevDatabase.main(args);
        Thread.currentThread().join();
    }
}
