package io.hazeljms.store.selector;

import java.util.List;
import java.util.function.Function;

/** a OR b OR ...; n-ary so long chains stay shallow, and stops at the first TRUE. */
record Or(List<Node> operands) implements Condition {

    Or {
        operands = List.copyOf(operands);
    }

    @Override
    public Truth test(Function<String, Object> identifiers) {
        Truth result = Truth.FALSE;
        for (Node operand : operands) {
            result = result.or(operand.test(identifiers));
            if (result == Truth.TRUE) {
                break;
            }
        }
        return result;
    }
}
