package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.map.impl.MapService;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;
import io.hazeljms.store.StoreConfig;

/**
 * What parked claims of one queue with one selector ("" for none) wait on, and what its enqueues and releases
 * notify: Hazelcast wakes the claims parked on a key in order and stops at the first that still waits, so a claim
 * whose selector matches nothing must not share a key with claims that could take the message.
 */
record DestinationWaitKey(String destination, String selector) implements WaitNotifyKey {

    @Override
    public String getServiceName() {
        return MapService.SERVICE_NAME;
    }

    @Override
    public String getObjectName() {
        return selector.isEmpty() ? StoreConfig.DESTINATIONS_MAP + "/" + destination
                : StoreConfig.DESTINATIONS_MAP + "/" + destination + "?" + selector;
    }
}
