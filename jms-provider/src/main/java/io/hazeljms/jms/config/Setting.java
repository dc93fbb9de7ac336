package io.hazeljms.jms.config;

import io.hazeljms.jms.ProviderError;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One configuration property: its name, JavaBean type (the type of its resource-adapter and activation-spec
 * setters and of its {@code ra.xml} entry), default, rule, description and where it may be set. Every setting is
 * a constant of {@link Settings}; everything else (the builder, the JCA beans, {@code ra.xml}, the README tables)
 * follows from it or is checked against it.
 *
 * @param <T> Integer, Long, Boolean or String
 */
public final class Setting<T> {

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final Map<Scope, T> scopeDefaults;
    private final Set<Scope> scopes;
    private final ProviderError error;
    private final Rule<T> rule;
    private final String description;
    private final String defaultText;
    private final Map<String, Set<Scope>> deprecatedAliases;
    private final boolean secret;

    private Setting(Builder<T> b) {
        name = b.name;
        type = b.type;
        defaultValue = b.defaultValue;
        scopeDefaults = b.scopeDefaults;
        scopes = b.scopes;
        error = b.error;
        rule = b.rule;
        description = Objects.requireNonNull(b.description, b.name + ": description");
        defaultText = b.defaultText;
        deprecatedAliases = Map.copyOf(b.aliases);
        secret = b.secret;
    }

    static Builder<Integer> integer(String name, Integer defaultValue) {
        return new Builder<>(name, Integer.class, defaultValue);
    }

    static Builder<Long> longValue(String name, Long defaultValue) {
        return new Builder<>(name, Long.class, defaultValue);
    }

    static Builder<Boolean> bool(String name, Boolean defaultValue) {
        return new Builder<>(name, Boolean.class, defaultValue);
    }

    static Builder<String> text(String name, String defaultValue) {
        return new Builder<>(name, String.class, defaultValue);
    }

    public String name() { return name; }
    public Class<T> type() { return type; }
    public Set<Scope> scopes() { return scopes; }
    public boolean in(Scope scope) { return scopes.contains(scope); }
    public String description() { return description; }

    /** A password or the like: never shown ({@link SettingValues#toString} masks it, ra.xml marks it confidential). */
    public boolean secret() { return secret; }

    /** The description as {@code scope} shows it: an MDB's per-destination setting says whose policy it sets. */
    public String descriptionIn(Scope scope) {
        return scope == Scope.ACTIVATION_SPEC && in(Scope.DESTINATION)
                ? description + "; an MDB that gives it sets its destination's policy, cluster-wide (logged)"
                : description;
    }
    /** Former names still accepted where the setting was given under them; each is deprecated. */
    public Set<String> deprecatedAliases() { return deprecatedAliases.keySet(); }

    /** The former names still accepted in {@code scope}. */
    public List<String> deprecatedAliasesIn(Scope scope) {
        return deprecatedAliases.entrySet().stream().filter(e -> e.getValue().contains(scope)).map(Map.Entry::getKey)
                .toList();
    }

    /** The value when none is given in {@code scope}; null means unset (e.g. an MDB keeps its destination's). */
    public T defaultIn(Scope scope) {
        return scopeDefaults.containsKey(scope) ? scopeDefaults.get(scope) : defaultValue;
    }

    /** The default as the README shows it. */
    public String defaultText(Scope scope) {
        if (defaultText != null && scope != Scope.ACTIVATION_SPEC) {
            return defaultText;
        }
        T value = defaultIn(scope);
        return value == null || "".equals(value) ? "—" : "`" + value + "`";
    }

    /** The problem with {@code value}, naming the setting, what it must be and what it was; null when fine. */
    public String problem(T value) {
        String violation = value == null || rule == null ? null : rule.violation(value);
        if (violation == null) {
            return null;
        }
        return error.text(violation, value);
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder<T> {
        private final String name;
        private final Class<T> type;
        private final T defaultValue;
        private final Map<Scope, T> scopeDefaults = new EnumMap<>(Scope.class);
        private Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        private ProviderError error;
        private Rule<T> rule;
        private String description;
        private String defaultText;
        private final Map<String, Set<Scope>> aliases = new java.util.LinkedHashMap<>();
        private boolean secret;

        private Builder(String name, Class<T> type, T defaultValue) {
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
        }

        Builder<T> in(Scope first, Scope... rest) {
            scopes = EnumSet.of(first, rest);
            return this;
        }

        /** Java, the resource adapter and an MDB may set it; kept per destination (an MDB's default: unset). */
        Builder<T> perDestination() {
            scopes = EnumSet.of(Scope.JAVA, Scope.RESOURCE_ADAPTER, Scope.ACTIVATION_SPEC, Scope.DESTINATION);
            scopeDefaults.put(Scope.ACTIVATION_SPEC, null);
            return this;
        }

        Builder<T> defaultIn(Scope scope, T value) {
            scopeDefaults.put(scope, value);
            return this;
        }

        /** The rule, and the catalog entry its problem is reported as (whose template names this setting). */
        Builder<T> rule(ProviderError id, Rule<T> r) {
            if (!id.template().startsWith(name + " ")) {
                throw new IllegalStateException(id.id() + " does not name setting " + name);
            }
            error = id;
            rule = r;
            return this;
        }

        /** A former name, still accepted (deprecated) where users may have it configured. */
        Builder<T> alias(String formerName, Scope first, Scope... rest) {
            aliases.put(formerName, EnumSet.of(first, rest));
            return this;
        }

        /** Its value is never shown. */
        Builder<T> secret() {
            secret = true;
            return this;
        }

        Builder<T> defaultText(String markdown) {
            defaultText = markdown;
            return this;
        }

        Setting<T> describe(String text) {
            description = text;
            return new Setting<>(this);
        }
    }
}
