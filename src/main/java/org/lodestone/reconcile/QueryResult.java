package org.lodestone.reconcile;

import java.util.List;

/**
 * The answer to one query of a batch.
 *
 * @param result the candidates, best first
 */
public record QueryResult(List<Candidate> result) {
}
