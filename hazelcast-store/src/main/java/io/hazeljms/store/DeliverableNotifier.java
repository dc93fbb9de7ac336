package io.hazeljms.store;

import com.hazelcast.core.HazelcastInstance;

/**
 * The partition owner's side of the {@link HotPath}: "a message of this queue became deliverable". Entry
 * processors call it after an enqueue or a release, on the destination's partition thread. The member
 * operations install one in the member's user context where claims park (the partition owner, which may run no
 * {@link Broker}); without one nothing waits here but entry-event waiters, which the processor's entry event wakes.
 */
public interface DeliverableNotifier {

    /** Where the member operations put their notifier: the member's user context. */
    String USER_CONTEXT_KEY = "hazeljms.deliverable-notifier";

    /** On the partition thread of {@code key}, after a change made one of its messages deliverable. */
    void deliverable(String key);

    /** Tells the notifier installed on {@code member}, if any (a no-op elsewhere). */
    static void deliverableOn(HazelcastInstance member, String key) {
        if (member.getUserContext().get(USER_CONTEXT_KEY) instanceof DeliverableNotifier notifier) {
            notifier.deliverable(key);
        }
    }
}
