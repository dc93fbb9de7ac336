package io.hazeljms.sample.campaign;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Who a campaign goes to: an explicit list, or N generated addresses {@code user-00001@example.com} … of which
 * {@code failing} (spread evenly) are {@code fail-…@example.com}, an address the default sender rejects.
 */
public final class Recipients {

    private final List<String> list;
    private final int count;
    private final int failing;

    private Recipients(List<String> list, int count, int failing) {
        this.list = list;
        this.count = count;
        this.failing = failing;
    }

    public static Recipients of(List<String> addresses) {
        return new Recipients(List.copyOf(addresses), addresses.size(), (int) addresses.stream()
                .filter(Recipients::isFailing).count());
    }

    public static Recipients generated(int count, int failing) {
        if (count < 1 || failing < 0 || failing > count) {
            throw new IllegalArgumentException("count " + count + " failing " + failing);
        }
        return new Recipients(null, count, failing);
    }

    /** A mail address as the sample accepts one: local@domain.tld, no spaces, at most 254 characters. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** Whether {@code address} looks like a mail address a server could deliver to. */
    public static boolean isAddress(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    /** Whether the default sender rejects this address: it contains "fail". */
    public static boolean isFailing(String address) {
        return address.toLowerCase(Locale.ROOT).contains("fail");
    }

    public boolean isGenerated() {
        return list == null;
    }

    public int size() {
        return count;
    }

    public int failing() {
        return failing;
    }

    /** The i-th address, 0-based. */
    public String get(int i) {
        if (list != null) {
            return list.get(i);
        }
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        String prefix = failing > 0 && isFailingIndex(i) ? "fail-" : "user-";
        return String.format(Locale.ROOT, "%s%05d@example.com", prefix, i + 1);
    }

    /** Every (count/failing)-th generated address fails, the last of each stride. */
    private boolean isFailingIndex(int i) {
        long stride = count / failing;
        return (i + 1) % stride == 0 && (i + 1) / stride <= failing;
    }

    public void forEach(Consumer<String> action) {
        for (int i = 0; i < count; i++) {
            action.accept(get(i));
        }
    }
}
