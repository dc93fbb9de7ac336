package io.hazeljms.store;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.hazeljms.store.hazelcastinternal.MemberOperationsHotPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot path is chosen once per Broker: the setting, the JVM default, the tested versions, the member's configuration. */
class HotPathChoiceTest {

    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void autoOnAMemberOfATestedVersionTakesTheMemberOperations() {
        HazelcastInstance member = cluster.member(0);
        assertTrue(HotPaths.isTested(member.getCluster().getLocalMember().getVersion().toString()),
                "the build's Hazelcast is in the tested list");
        assertInstanceOf(MemberOperationsHotPath.class,
                new Broker(member, DestinationSettings.defaults(), MemberOperations.AUTO).hotPath());
    }

    @Test
    void offTakesThePublicApi() {
        assertInstanceOf(PublicApiHotPath.class,
                new Broker(cluster.member(0), DestinationSettings.defaults(), MemberOperations.OFF).hotPath());
    }

    @Test
    void aBrokerBuiltWithoutAChoiceFollowsTheJvmDefault() {
        HotPath path = new Broker(cluster.member(0), DestinationSettings.defaults()).hotPath();
        Class<?> expected = MemberOperations.jvmDefault() == MemberOperations.OFF
                ? PublicApiHotPath.class : MemberOperationsHotPath.class;
        assertEquals(expected, path.getClass(), "with " + MemberOperations.PROPERTY + "="
                + System.getProperty(MemberOperations.PROPERTY));
    }

    @Test
    void aMemberWithoutTheMemberOperationSerializersTakesThePublicApi() {
        Config config = cluster.memberConfig();
        config.getSerializationConfig().getDataSerializableFactories()
                .remove(StoreSerializers.MEMBER_OPERATIONS_FACTORY_ID);
        HazelcastInstance member = cluster.addMember(config);
        assertInstanceOf(PublicApiHotPath.class,
                new Broker(member, DestinationSettings.defaults(), MemberOperations.AUTO).hotPath());
    }

    @Test
    void onlyTheListedVersionsAreTested() {
        assertTrue(HotPaths.isTested("5.3.8"));
        assertTrue(HotPaths.isTested("5.7.0"));
        assertFalse(HotPaths.isTested("5.4.0"));
        assertFalse(HotPaths.isTested("6.0.0"));
    }

    @Test
    void theSettingIsAutoOrOffInAnyCaseAndNothingElse() {
        assertEquals(MemberOperations.AUTO, MemberOperations.parse("AUTO", "memberOperations"));
        assertEquals(MemberOperations.OFF, MemberOperations.parse(" off ", "memberOperations"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemberOperations.parse("fast", MemberOperations.PROPERTY));
        assertEquals("hazeljms.memberOperations must be auto or off, was 'fast'", e.getMessage());
    }

    @Test
    void theJvmDefaultIsReadFromTheSystemProperty() {
        String before = System.getProperty(MemberOperations.PROPERTY);
        try {
            System.clearProperty(MemberOperations.PROPERTY);
            assertEquals(MemberOperations.AUTO, MemberOperations.jvmDefault());
            System.setProperty(MemberOperations.PROPERTY, "off");
            assertEquals(MemberOperations.OFF, MemberOperations.jvmDefault());
            System.setProperty(MemberOperations.PROPERTY, "sometimes");
            assertThrows(IllegalArgumentException.class, MemberOperations::jvmDefault);
        } finally {
            if (before == null) {
                System.clearProperty(MemberOperations.PROPERTY);
            } else {
                System.setProperty(MemberOperations.PROPERTY, before);
            }
        }
    }
}
