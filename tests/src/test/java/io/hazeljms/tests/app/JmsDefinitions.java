package io.hazeljms.tests.app;

import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;

/** The test application's JMS resources, declared the standard way against the HazelJMS resource adapter. */
@JMSConnectionFactoryDefinition(name = "java:app/jms/cf", resourceAdapter = "hazeljms-ra",
        interfaceName = "jakarta.jms.ConnectionFactory")
@JMSDestinationDefinition(name = "java:app/jms/orders", resourceAdapter = "hazeljms-ra",
        interfaceName = "jakarta.jms.Queue", destinationName = "it.orders")
@Singleton
public class JmsDefinitions {
}
