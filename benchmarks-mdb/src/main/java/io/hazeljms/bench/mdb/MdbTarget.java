package io.hazeljms.bench.mdb;

import jakarta.jms.ConnectionFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One side of the comparison: a resource adapter on Payara Micro and the broker it consumes from. */
interface MdbTarget extends AutoCloseable {

    /** The queue the MDB consumes and the probe fills. */
    String QUEUE = "mdbbench";
    /** The MDB pool's size: JMS sessions delivering at once. */
    int MAX_SESSION = 16;

    String id();

    /** The RAR to deploy before the MDB application (its file name is the adapter's name). */
    Path rar();

    /** asadmin commands run after boot, before the RAR is deployed. */
    List<String> setupCommands();

    /** The MDB's activation properties. */
    Map<String, String> activation();

    /** Starts what must run before Micro (a broker outside it), if anything. */
    void startBroker() throws Exception;

    /** A connection factory from outside the server, to fill the queue (once Micro runs). */
    ConnectionFactory producerFactory() throws Exception;

    /** Closes the producer's factory: while the broker still runs (a HazelJMS client cannot close without it). */
    void closeProducer() throws Exception;

    /**
     * Messages still in the broker's queue, delivered or not, after the pool consumed them all: 0 once every
     * delivery's transaction committed; -1 where the probe cannot see it from outside.
     */
    long leftInQueue() throws Exception;

    /** A one-line description of the configuration, for the report. */
    String describe();
}
