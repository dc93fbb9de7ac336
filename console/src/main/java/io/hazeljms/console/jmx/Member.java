package io.hazeljms.console.jmx;

/** A member of the cluster, from the broker MBean's {@code Members} line "uuid address version [lite]". */
public record Member(String uuid, String address, String version, boolean lite) {

    static Member parse(String line) {
        String[] parts = line.trim().split("\\s+");
        return new Member(part(parts, 0), part(parts, 1), part(parts, 2),
                parts.length > 3 && "lite".equals(parts[3]));
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i] : "";
    }
}
