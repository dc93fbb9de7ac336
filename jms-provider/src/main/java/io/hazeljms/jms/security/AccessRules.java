package io.hazeljms.jms.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which roles hold which permissions on which destinations: grants of the form
 * {@code permission,permission pattern role,role} ("send orders.# writers"; whitespace between the three;
 * {@code *} as the permission list grants all), one per line of a file ({@code #} starts a comment) or per
 * {@code ;} inline. Whatever no grant allows is refused.
 */
public final class AccessRules {

    private record Grant(DestinationPattern pattern, Set<Permission> permissions, Set<String> roles) {
    }

    private final List<Grant> grants;

    private AccessRules(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * The grants of {@code text}; {@code source} names where it came from in the message of a bad one.
     *
     * @throws IllegalArgumentException naming the first bad grant and what is wrong with it
     */
    public static AccessRules parse(String text, String source) {
        List<Grant> grants = new ArrayList<>();
        for (String entry : UserList.entries(text)) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException(source + ": grant '" + entry
                        + "' is not 'permission[,permission] pattern role[,role]'");
            }
            DestinationPattern pattern;
            try {
                pattern = DestinationPattern.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": grant '" + entry + "': " + e.getMessage());
            }
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            for (String label : UserList.csv(parts[0])) {
                if (label.equals("*")) {
                    permissions.addAll(EnumSet.allOf(Permission.class));
                } else {
                    permissions.add(Permission.named(label).orElseThrow(() -> new IllegalArgumentException(source
                            + ": grant '" + entry + "' names permission '" + label + "'; the permissions are "
                            + Permission.allLabels() + " (or * for all)")));
                }
            }
            grants.add(new Grant(pattern, Set.copyOf(permissions), UserList.csv(parts[2])));
        }
        return new AccessRules(grants);
    }

    /** Whether no grant is given at all (then authorization is off and every identity may do everything). */
    public boolean isEmpty() {
        return grants.isEmpty();
    }

    /** Whether some grant gives one of {@code identity}'s roles {@code permission} on the destination. */
    public boolean allows(Identity identity, Permission permission, boolean queue, String destinationName) {
        for (Grant grant : grants) {
            if (grant.permissions.contains(permission) && grant.pattern.matches(queue, destinationName)
                    && identity.roles().stream().anyMatch(grant.roles::contains)) {
                return true;
            }
        }
        return false;
    }
}
