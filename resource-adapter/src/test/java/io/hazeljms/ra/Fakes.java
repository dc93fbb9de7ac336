package io.hazeljms.ra;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Timer;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Hand-written stand-ins for what an application server gives a resource adapter: a bootstrap context, a work
 * manager (a thread pool), and an endpoint factory whose endpoints act like a container: for transacted delivery
 * they run each onMessage in an XA transaction on the resource they were given (one-phase commit, or rollback
 * when the bean throws).
 */
final class Fakes {

    private Fakes() {
    }

    static final class Bootstrap implements BootstrapContext {
        final ExecutorService pool = Executors.newCachedThreadPool();

        @Override
        public WorkManager getWorkManager() {
            return new WorkManager() {
                @Override
                public void doWork(Work work) {
                    work.run();
                }

                @Override
                public void doWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
                    work.run();
                }

                @Override
                public long startWork(Work work) {
                    pool.execute(work);
                    return 0;
                }

                @Override
                public long startWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
                    return startWork(work);
                }

                @Override
                public void scheduleWork(Work work) {
                    pool.execute(work);
                }

                @Override
                public void scheduleWork(Work work, long timeout, ExecutionContext ctx, WorkListener listener) {
                    pool.execute(work);
                }
            };
        }

        @Override
        public XATerminator getXATerminator() {
            return null;
        }

        @Override
        public Timer createTimer() {
            return new Timer(true);
        }

        @Override
        public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
            return false;
        }

        @Override
        public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
            return null;
        }
    }

    record TestXid(byte[] gtrid) implements Xid {
        static TestXid random() {
            return new TestXid(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int getFormatId() {
            return 99;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid;
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {0};
        }
    }

    /** An endpoint factory; {@code bean} plays the MDB's onMessage (throw to roll back). */
    static final class EndpointFactory implements MessageEndpointFactory {
        private final boolean transacted;
        private final Consumer<Message> bean;
        /** One permit per delivery the container side finished (committed or rolled back). */
        final Semaphore completed = new Semaphore(0);

        EndpointFactory(boolean transacted, Consumer<Message> bean) {
            this.transacted = transacted;
            this.bean = bean;
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
            return new Endpoint(xaResource, bean, completed);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
            return createEndpoint(xaResource);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return transacted;
        }

        @Override
        public String getActivationName() {
            return "test-mdb";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Endpoint.class;
        }
    }

    /** Acts like the container around one onMessage: begins, enlists, and commits or rolls back. */
    static final class Endpoint implements MessageEndpoint, MessageListener {
        private final XAResource xa;
        private final Consumer<Message> bean;
        private final Semaphore completed;
        private Xid xid;
        private boolean failed;

        Endpoint(XAResource xa, Consumer<Message> bean, Semaphore completed) {
            this.xa = xa;
            this.bean = bean;
            this.completed = completed;
        }

        @Override
        public void beforeDelivery(Method method) {
            if (xa != null) {
                xid = TestXid.random();
                failed = false;
                try {
                    xa.start(xid, XAResource.TMNOFLAGS);
                } catch (XAException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void onMessage(Message message) {
            try {
                bean.accept(message);
            } catch (RuntimeException e) {
                failed = true;
                if (xa == null) {
                    throw e;
                }
            }
        }

        @Override
        public void afterDelivery() {
            if (xa == null) {
                completed.release();
                return;
            }
            try {
                xa.end(xid, failed ? XAResource.TMFAIL : XAResource.TMSUCCESS);
                if (failed) {
                    xa.rollback(xid);
                } else {
                    xa.commit(xid, true);
                }
                completed.release();
            } catch (XAException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void release() {
        }
    }
}
