package io.hazeljms.store.selector;

import java.util.List;
import java.util.function.Function;

/** a AND b AND ...; n-ary so long chains stay shallow, and stops at the first FALSE. */
record And(List<Node> operands) implements Condition {

    And {
        operands = List.copyOf(operands);
    }

    @Override
    public Truth test(Function<String, Object> identifiers) {
        Truth result = Truth.TRUE;
        for (Node operand : operands) {
            result = result.and(operand.test(identifiers));
            if (result == Truth.FALSE) {
                break;
            }
        }
        return result;
    }
}
