package io.hazeljms.store.hazelcastinternal;

import com.hazelcast.map.impl.MapService;
import com.hazelcast.spi.impl.operationservice.WaitNotifyKey;
import io.hazeljms.store.StoreConfig;

/** What parked claims of one queue wait on, and what its enqueues and releases notify. */
record DestinationWaitKey(String destination) implements WaitNotifyKey {

    @Override
    public String getServiceName() {
        return MapService.SERVICE_NAME;
    }

    @Override
    public String getObjectName() {
        return StoreConfig.DESTINATIONS_MAP + "/" + destination;
    }
}
