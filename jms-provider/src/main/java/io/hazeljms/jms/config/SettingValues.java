package io.hazeljms.jms.config;

import io.hazeljms.jms.ProviderError;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values given for the settings of one {@link Scope}, as given (not yet checked): what a builder, a resource
 * adapter or an activation spec holds. {@link #get} falls back to the setting's default in that scope. A value
 * given under a deprecated alias wins over one given under the setting's name, so an old configuration keeps its
 * meaning even when the container also applies the {@code ra.xml} default of the new name.
 */
public final class SettingValues implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Scope scope;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Object> viaAlias = new LinkedHashMap<>();

    public SettingValues(Scope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    public Scope scope() {
        return scope;
    }

    /** Gives a value; null takes it back (the default applies again). */
    public <T> SettingValues set(Setting<T> setting, T value) {
        requireScope(setting);
        if (value == null) {
            values.remove(setting.name());
        } else {
            values.put(setting.name(), value);
        }
        return this;
    }

    /** Gives a value under one of the setting's deprecated aliases: it wins over the setting's own name. */
    public <T> SettingValues setViaAlias(Setting<T> setting, T value) {
        requireScope(setting);
        if (value == null) {
            viaAlias.remove(setting.name());
        } else {
            viaAlias.put(setting.name(), value);
        }
        return this;
    }

    /** The value given, else the default in this scope (null: unset without a default). */
    public <T> T get(Setting<T> setting) {
        Object value = viaAlias.containsKey(setting.name()) ? viaAlias.get(setting.name()) : values.get(setting.name());
        return value == null ? setting.defaultIn(scope) : setting.type().cast(value);
    }

    /** True when a value was given (under the name or an alias). */
    public boolean isSet(Setting<?> setting) {
        return values.containsKey(setting.name()) || viaAlias.containsKey(setting.name());
    }

    public SettingValues copy() {
        SettingValues c = new SettingValues(scope);
        c.values.putAll(values);
        c.viaAlias.putAll(viaAlias);
        return c;
    }

    /** The same values seen from another scope (its defaults apply to what is not given). */
    public SettingValues as(Scope other) {
        SettingValues c = new SettingValues(other);
        c.values.putAll(values);
        c.viaAlias.putAll(viaAlias);
        return c;
    }

    private void requireScope(Setting<?> setting) {
        if (!setting.in(scope)) {
            throw new IllegalArgumentException(ProviderError.SETTING_OUT_OF_SCOPE.text(setting.name(), scope.label(),
                    setting.scopes()));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && scope == other.scope && values.equals(other.values)
                && viaAlias.equals(other.viaAlias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, values, viaAlias);
    }

    /** The values given; those of secret settings (passwords) are masked. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>(values);
        shown.putAll(viaAlias);
        shown.replaceAll((name, value) -> Settings.named(name).map(Setting::secret).orElse(false) ? "****" : value);
        return scope.label() + shown;
    }
}
