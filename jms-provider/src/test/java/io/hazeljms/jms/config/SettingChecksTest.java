package io.hazeljms.jms.config;

import io.hazeljms.store.DestinationSettings;
import io.hazeljms.store.MemberOperations;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog's checks, called directly, and the plain-Java builder that follows from the catalog. */
class SettingChecksTest {

    @Test
    void defaultsAreValidInEveryScope() {
        for (Scope scope : List.of(Scope.JAVA, Scope.RESOURCE_ADAPTER, Scope.CONNECTION_FACTORY)) {
            assertEquals(List.of(), SettingChecks.problems(new SettingValues(scope)), scope.name());
        }
        SettingValues mdb = new SettingValues(Scope.ACTIVATION_SPEC).set(Settings.DESTINATION, "orders");
        assertEquals(List.of(), SettingChecks.problems(mdb));
    }

    @Test
    void everyBadSettingIsReportedAtOnceKeepingItsErrorId() {
        SettingValues values = new SettingValues(Scope.RESOURCE_ADAPTER)
                .set(Settings.PORT, 0)
                .set(Settings.BACKUP_COUNT, 7)
                .set(Settings.PREFETCH, 0)
                .set(Settings.BACKLOG_POLICY, "later")
                .set(Settings.MEMBER_OPERATIONS, "sometimes")
                .set(Settings.CLIENT_CONNECT_TIMEOUT_MILLIS, 0L)
                .set(Settings.CLUSTER_NAME, " ");
        List<ConfigProblem> problems = SettingChecks.problems(values);
        assertEquals(List.of("clusterName", "port", "clientConnectTimeoutMillis", "backupCount", "memberOperations",
                "backlogPolicy", "prefetch"), problems.stream().map(ConfigProblem::setting).toList());
        assertEquals("HJMS-CFG-001 port must be 1..65535, was '0'", problems.get(1).message());
        assertTrue(problems.get(4).message().contains("must be 'auto' or 'off'"), problems.get(4).message());
        assertTrue(problems.get(5).message().startsWith("HJMS-CFG-019 backlogPolicy"), problems.get(5).message());
    }

    @Test
    void activationRulesJoinSettings() {
        SettingValues spec = new SettingValues(Scope.ACTIVATION_SPEC)
                .set(Settings.DESTINATION_TYPE, "jakarta.jms.Topic")
                .set(Settings.SUBSCRIPTION_DURABILITY, "Durable")
                .set(Settings.MESSAGE_SELECTOR, "a = ")
                .set(Settings.MAX_SESSION, 0)
                .set(Settings.REDELIVERY_DELAY_MILLIS, -1L);
        List<String> named = SettingChecks.problems(spec).stream().map(ConfigProblem::setting).toList();
        assertEquals(List.of("messageSelector", "maxSession", "redeliveryDelayMillis", "destination",
                "subscriptionName", "clientId"), named);
        spec.set(Settings.SHARE_SUBSCRIPTIONS, true).set(Settings.DESTINATION, "t").set(Settings.SUBSCRIPTION_NAME, "s")
                .set(Settings.MESSAGE_SELECTOR, "a = 1").set(Settings.MAX_SESSION, 2).set(Settings.REDELIVERY_DELAY_MILLIS, 5L);
        assertEquals(List.of(), SettingChecks.problems(spec), "a shared durable subscription needs no client ID");
    }

    @Test
    void builderThrowsOneExceptionNamingEveryBadSetting() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> ProviderConfig.builder()
                .port(70_000).maxDeliveryAttempts(0).redeliveryDelayMillis(-5).memoryLimitPercent(101)
                .backlogPolicy(new BacklogPolicy(BacklogPolicy.Mode.BLOCK, -1)).build());
        assertEquals(List.of("port", "maxDeliveryAttempts", "redeliveryDelayMillis", "memoryLimitPercent",
                "backlogBlockMillis"), e.settings());
        assertTrue(e.getMessage().startsWith("HJMS-CFG-013 invalid configuration (5 setting(s)): HJMS-CFG-001 port"),
                e.getMessage());
        assertTrue(e.getMessage().contains("HJMS-CFG-004 redeliveryDelayMillis must not be negative, was '-5'"),
                e.getMessage());
        InvalidConfigurationException instance = assertThrows(InvalidConfigurationException.class,
                () -> ProviderConfig.builder().mode(ProviderConfig.Mode.INSTANCE).build());
        assertEquals(List.of("mode"), instance.settings());
        assertEquals(List.of("mode"), SettingChecks.problems(new SettingValues(Scope.RESOURCE_ADAPTER)
                .set(Settings.MODE, "instance")).stream().map(ConfigProblem::setting).toList(),
                "the resource adapter cannot hand in an instance");
    }

    @Test
    void resourceAdapterValuesHaveTheirOwnDefaultsAndAliasesWin() {
        SettingValues ra = new SettingValues(Scope.RESOURCE_ADAPTER);
        assertEquals(1, ProviderConfig.from(ra).prefetch(), "MDB sessions claim one message at a time");
        assertEquals(16, ProviderConfig.builder().build().prefetch());
        ra.setViaAlias(Settings.MAX_QUEUE_MESSAGES, 7).set(Settings.MAX_QUEUE_MESSAGES, 100_000);
        assertEquals(7, ProviderConfig.from(ra).destinationDefaults().maxMessages(),
                "the former name wins over the ra.xml default the container also applies");
    }

    @Test
    void memberOperationsIsUnsetUntilChosen() {
        assertNull(ProviderConfig.builder().build().memberOperations(), "unset: the store's JVM default applies");
        assertEquals(MemberOperations.OFF,
                ProviderConfig.builder().memberOperations(MemberOperations.OFF).build().memberOperations());
        assertEquals(MemberOperations.AUTO, ProviderConfig.from(new SettingValues(Scope.RESOURCE_ADAPTER)
                .set(Settings.MEMBER_OPERATIONS, "Auto")).memberOperations());
    }

    @Test
    void aDestinationPolicyChangesOnlyWhatIsGivenAndSaysWhat() {
        DestinationSettings current = DestinationSettings.defaults().withRedeliveryDelayMillis(50)
                .withDeadLetterQueue("queue:DLQ");
        DestinationPolicy mdb = DestinationPolicy.given(new SettingValues(Scope.ACTIVATION_SPEC)
                .set(Settings.MAX_DELIVERY_ATTEMPTS, 3).set(Settings.DEAD_LETTER_QUEUE, "DLQ"));
        assertEquals(List.of("maxDeliveryAttempts 10 → 3"), mdb.changesTo(current));
        DestinationSettings next = mdb.applyTo(current);
        assertEquals(50, next.redelivery().delayMillis(), "a setting the MDB does not give stays");
        assertEquals(List.of(), mdb.changesTo(next));
    }

    /** Plain Java follows the catalog: a builder method for each setting Java may set, named like it. */
    @Test
    void theBuilderHasAMethodPerJavaSetting() {
        Set<String> methods = new HashSet<>();
        Arrays.stream(ProviderConfig.Builder.class.getMethods()).map(Method::getName).forEach(methods::add);
        for (Setting<?> setting : Settings.in(Scope.JAVA)) {
            assertTrue(methods.contains(setting.name()), "ProviderConfig.Builder." + setting.name() + "(…)");
        }
    }
}
