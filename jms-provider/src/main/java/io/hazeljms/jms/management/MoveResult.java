package io.hazeljms.jms.management;

import java.util.List;

/**
 * What a move or redrive did.
 *
 * @param moved         messages now on their target (and gone from the source)
 * @param left          messages met that stayed on the source: a redrive found no origin in them
 *                      ({@code HJMS_OriginalDestination} missing), their subscription no longer exists, or the
 *                      user may not manage their target
 * @param deniedTargets targets the user may not manage ({@code queue:orders}, {@code topic:prices}), so their
 *                      messages stayed (empty without security)
 */
public record MoveResult(int moved, int left, List<String> deniedTargets) {
}
