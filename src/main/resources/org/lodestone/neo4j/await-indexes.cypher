// Waits up to 300 seconds for every index to come online, so the first queries find them.
CALL db.awaitIndexes(300)
