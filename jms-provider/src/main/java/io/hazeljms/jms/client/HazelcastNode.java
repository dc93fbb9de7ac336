package io.hazeljms.jms.client;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.jms.ProviderError;
import io.hazeljms.jms.config.ProviderConfig;
import io.hazeljms.jms.management.BrokerManagement;
import io.hazeljms.jms.management.ManagementBeans;
import io.hazeljms.jms.management.ManagementGuard;
import io.hazeljms.store.Broker;
import io.hazeljms.store.MemoryGuard;
import io.hazeljms.store.MemberOperations;
import io.hazeljms.store.StoreConfig;
import io.hazeljms.store.durable.Databases;
import io.hazeljms.store.durable.DurableStore;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Logger;

/**
 * The Hazelcast node a connection factory uses, chosen by {@link ProviderConfig.Mode}, and the store's
 * broker on it. A node it started is shut down by {@link #close()}; one handed in is left running.
 */
public final class HazelcastNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HazelcastNode.class.getName());
    private final HazelcastInstance hz;
    private final Broker broker;
    private final boolean owned;
    /** The operator's management of the cluster (no identity checks: see {@link BrokerManagement}). */
    private final BrokerManagement management;
    /** This node's share of the cluster's MBeans; null with {@code jmx=false}. */
    private final AutoCloseable jmx;

    private HazelcastNode(HazelcastInstance hz, boolean owned, ProviderConfig config) {
        this(hz, owned, config, opened(() -> durableStore(config, hz.getConfig().getClusterName())));
    }

    /** @param opening the durable store being opened (its value null for none); closed here if this fails */
    private HazelcastNode(HazelcastInstance hz, boolean owned, ProviderConfig config, FutureTask<DurableStore> opening) {
        this.hz = hz;
        this.owned = owned;
        DurableStore durable = null;
        try {
            durable = await(opening);
            this.broker = new Broker(hz, config.destinationDefaults(),
                    config.memberOperations() == null ? MemberOperations.jvmDefault() : config.memberOperations(),
                    durable);
            this.management = new BrokerManagement(broker, ManagementGuard.OPERATOR);
            this.jmx = config.jmx() ? ManagementBeans.register(management) : null;
            LOG.info(ProviderError.NODE_STARTED.text(describeMode(config, hz), config.mode() == ProviderConfig.Mode.INSTANCE
                            ? hz.getName() : config.clusterName(),
                    hz.getCluster().getMembers().stream().map(m -> String.valueOf(m.getAddress())).toList(),
                    durable == null ? "off" : durable.description(),
                    config.authenticator() != null ? config.authenticator().getClass().getName()
                            : config.values().get(io.hazeljms.jms.config.Settings.AUTHENTICATOR)));
        } catch (RuntimeException e) {
            closeWhenOpened(opening);
            if (owned) {
                hz.shutdown();
            }
            throw e;
        }
    }

    private static String describeMode(ProviderConfig config, HazelcastInstance hz) {
        return switch (config.mode()) {
            case EMBEDDED -> "embedded member " + hz.getCluster().getLocalMember().getAddress();
            case CLIENT -> "client of " + config.clientAddresses();
            case INSTANCE -> "on the application's instance " + hz.getName();
        };
    }

    /** The durable store the configuration asks for, opened; null for none. */
    private static DurableStore durableStore(ProviderConfig config, String name) {
        if (config.durableStoreDataSource() != null) {
            return DurableStore.open(config.durableStoreDataSource(), config.durableStoreDataSourceName(), name);
        }
        String choice = config.durableStore();
        if (choice.equalsIgnoreCase("off")) {
            return null;
        }
        String url = choice.equalsIgnoreCase("embedded")
                ? Databases.embeddedUrl(config.durableStoreDirectory(), name) : choice;
        return DurableStore.open(Databases.forUrl(url), Databases.describe(url), name);
    }

    public static HazelcastNode start(ProviderConfig config) {
        switch (config.mode()) {
            case INSTANCE:
                return new HazelcastNode(config.instance(), false, config);
            case CLIENT:
                return new HazelcastNode(HazelcastClient.newHazelcastClient(clientConfig(config)), true, config);
            default:
                return startMember(config);
        }
    }

    /**
     * Starts the embedded member while another thread opens the durable store: the member's start is mostly
     * class loading and its join, the store's opening mostly the database's class loading and schema check,
     * and neither needs the other (see DESIGN.md, "Start-up").
     */
    private static HazelcastNode startMember(ProviderConfig config) {
        Config member = memberConfig(config);
        FutureTask<DurableStore> opening = new FutureTask<>(() -> durableStore(config, member.getClusterName()));
        Thread opener = new Thread(opening, "hazeljms-durable-store-open");
        opener.setDaemon(true);
        opener.start();
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(member);
        } catch (RuntimeException | Error e) {
            closeWhenOpened(opening);
            throw e;
        }
        return new HazelcastNode(hz, true, config, opening);
    }

    private static FutureTask<DurableStore> opened(java.util.concurrent.Callable<DurableStore> open) {
        FutureTask<DurableStore> task = new FutureTask<>(open);
        task.run();
        return task;
    }

    /** The opened store (null for none); a failure to open it is thrown as it was raised. */
    private static DurableStore await(FutureTask<DurableStore> opening) {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Closes the store once it is open (by another thread if it is still opening); nothing if none or failed. */
    private static void closeWhenOpened(FutureTask<DurableStore> opening) {
        Runnable close = () -> {
            try {
                DurableStore store = opening.get();
                if (store != null) {
                    store.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException nothingOpened) {
                // the failure is the caller's to report, if it is the one that stopped the start
            }
        };
        if (opening.isDone()) {
            close.run();
            return;
        }
        Thread closer = new Thread(close, "hazeljms-durable-store-close");
        closer.setDaemon(true);
        closer.start();
    }

    static Config memberConfig(ProviderConfig config) {
        ClassLoader loader = HazelcastNode.class.getClassLoader();
        if (config.hazelcastConfigFile() != null) {
            try {
                Config fromFile = Config.loadFromFile(new java.io.File(config.hazelcastConfigFile()));
                fromFile.setClassLoader(loader);
                return StoreConfig.applyTo(fromFile, config.backupCount(), config.memoryLimitPercent());
            } catch (IOException e) {
                throw new IllegalArgumentException(ProviderError.HAZELCAST_CONFIG_UNREADABLE.text(
                        config.hazelcastConfigFile(), e.getMessage()), e);
            }
        }
        Config member = StoreConfig.embeddedMember(config.clusterName(), config.bindInterface(), config.port(),
                config.members(), config.backupCount(), loader);
        member.getUserContext().put(MemoryGuard.USER_CONTEXT_KEY, new MemoryGuard(config.memoryLimitPercent()));
        return member;
    }

    static ClientConfig clientConfig(ProviderConfig config) {
        ClientConfig client = new ClientConfig();
        client.setClusterName(config.clusterName());
        client.setClassLoader(HazelcastNode.class.getClassLoader());
        client.setProperty("hazelcast.phone.home.enabled", "false");
        client.getNetworkConfig().setAddresses(config.clientAddresses());
        client.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(config.clientConnectTimeoutMillis());
        return StoreConfig.applyTo(client);
    }

    public HazelcastInstance hazelcast() {
        return hz;
    }

    public Broker broker() {
        return broker;
    }

    /** The cluster's management as the JVM's operator (what JMX uses); no identity checks. */
    public BrokerManagement management() {
        return management;
    }

    @Override
    public void close() {
        try {
            if (jmx != null) {
                jmx.close();
            }
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(HazelcastNode.class.getName()).log(java.util.logging.Level.WARNING,
                    ProviderError.JMX_REGISTRATION_FAILED.text(ManagementBeans.DOMAIN, e), e);
        }
        try {
            broker.close();
        } finally {
            if (owned) {
                hz.shutdown();
            }
        }
    }
}
