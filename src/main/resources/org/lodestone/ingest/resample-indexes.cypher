// Resamples the indexes whose statistics an import made stale, so the replanned queries see the new sizes.
CALL db.resampleOutdatedIndexes()
