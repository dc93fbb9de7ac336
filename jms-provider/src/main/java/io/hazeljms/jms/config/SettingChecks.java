package io.hazeljms.jms.config;

import io.hazeljms.jms.ProviderError;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check of a configuration, pure so that tests call it directly: each given setting against its rule,
 * then the rules that join settings. Reports all problems at once.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** Every problem of {@code values}; empty when they are valid. */
    public static List<ConfigProblem> problems(SettingValues values) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (Setting<?> setting : Settings.in(values.scope())) {
            check(setting, values, problems);
        }
        if (values.scope() == Scope.ACTIVATION_SPEC) {
            activationRules(values, problems);
        }
        if (values.scope() == Scope.RESOURCE_ADAPTER && "instance".equalsIgnoreCase(values.get(Settings.MODE).trim())) {
            problems.add(new ConfigProblem(Settings.MODE.name(), ProviderError.INSTANCE_MODE_IN_ADAPTER.text()));
        }
        return problems;
    }

    /** Throws one exception naming every problem. */
    public static void requireValid(SettingValues values) {
        List<ConfigProblem> problems = problems(values);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static <T> void check(Setting<T> setting, SettingValues values, List<ConfigProblem> problems) {
        String problem = setting.problem(values.get(setting));
        if (problem != null) {
            problems.add(new ConfigProblem(setting.name(), problem));
        }
    }

    /** How an MDB's destination and subscription settings fit together. */
    private static void activationRules(SettingValues v, List<ConfigProblem> problems) {
        if (blank(v.get(Settings.DESTINATION)) && blank(v.get(Settings.DESTINATION_LOOKUP))) {
            problems.add(new ConfigProblem(Settings.DESTINATION.name(), "destination or destinationLookup: one is "
                    + "required (the queue or topic name, or the JNDI name of a HazelJMS Queue/Topic admin object)"));
        }
        boolean durableTopic = isTopic(v) && "Durable".equalsIgnoreCase(v.get(Settings.SUBSCRIPTION_DURABILITY));
        if (durableTopic && blank(v.get(Settings.SUBSCRIPTION_NAME))) {
            problems.add(new ConfigProblem(Settings.SUBSCRIPTION_NAME.name(),
                    "subscriptionName is required for a durable subscription"));
        }
        if (durableTopic && !v.get(Settings.SHARE_SUBSCRIPTIONS) && blank(v.get(Settings.CLIENT_ID))) {
            problems.add(new ConfigProblem(Settings.CLIENT_ID.name(), "clientId is required for an unshared durable "
                    + "subscription (or set shareSubscriptions=true)"));
        }
    }

    /** destinationType names a topic (javax.jms. accepted for jakarta.jms.). */
    public static boolean isTopic(SettingValues v) {
        String type = v.get(Settings.DESTINATION_TYPE);
        return type != null && type.replace("javax.jms.", "jakarta.jms.").equals("jakarta.jms.Topic");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
