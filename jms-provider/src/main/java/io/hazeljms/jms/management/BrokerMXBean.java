package io.hazeljms.jms.management;

/**
 * The broker's MBean, {@code io.hazeljms:type=Broker,cluster=<clusterName>}: the cluster's members and
 * destinations, and operations on destinations named by kind and name. Cluster-wide: every JVM running the
 * provider registers one, and they all show the same.
 */
public interface BrokerMXBean {

    String getClusterName();

    /** One line per member: uuid, address, Hazelcast version, and {@code lite} for a lite member. */
    String[] getMembers();

    int getMemberCount();

    /**
     * The queues and topics as the store names them ({@code queue:orders}); reading it also registers and
     * unregisters the destination MBeans (as the timer does every few seconds).
     */
    String[] getDestinations();

    /** Registers MBeans of new destinations and unregisters those of deleted ones now. */
    void refreshDestinations();

    /** Deletes the pending messages of a queue; returns how many. */
    int purge(String queue);

    /** Deletes a queue or topic ({@code kind} {@code queue} or {@code topic}) with all it holds; true if it existed. */
    boolean deleteDestination(String kind, String name);
}
