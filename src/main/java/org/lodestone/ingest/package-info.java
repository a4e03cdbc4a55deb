/**
 * Reading, validating and importing the dataset (CSV files or a JSON graph export), all-or-nothing and idempotently,
 * from the command line, the API or on first start.
 */
package org.lodestone.ingest;
