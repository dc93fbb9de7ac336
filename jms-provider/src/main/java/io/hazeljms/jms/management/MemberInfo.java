package io.hazeljms.jms.management;

/**
 * One member of the Hazelcast cluster that holds the destinations.
 *
 * @param uuid    the member's id (also its node id in leases)
 * @param address host and port
 * @param lite    a lite member holds no partitions, so no destinations
 * @param version the member's Hazelcast version
 */
public record MemberInfo(String uuid, String address, boolean lite, String version) {
}
