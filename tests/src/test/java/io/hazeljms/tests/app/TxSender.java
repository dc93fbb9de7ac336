package io.hazeljms.tests.app;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

/** Sends inside a container-managed transaction, which commits or rolls back. */
@Stateless
public class TxSender {

    @Inject
    @JMSConnectionFactory("java:app/jms/cf")
    JMSContext context;

    @Resource
    SessionContext ejb;

    public void sendAndCommit(String text) {
        context.createProducer().send(context.createQueue("it.tx"), text);
    }

    public void sendThenRollBack(String text) {
        context.createProducer().send(context.createQueue("it.tx"), text);
        ejb.setRollbackOnly();
    }
}
