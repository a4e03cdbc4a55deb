// Records an import as a :Change: $change (its id), $seq, $at, $by, $reason, $fullSnapshot and its counts
// ($added, $corrected, $retracted, $unchanged).
CREATE (c:Change {id: $change, seq: $seq, at: $at, by: $by, reason: $reason, fullSnapshot: $fullSnapshot,
                  added: $added, corrected: $corrected, retracted: $retracted, unchanged: $unchanged})
