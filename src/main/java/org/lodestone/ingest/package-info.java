/**
 * Reading, validating and importing the CSV dataset, all-or-nothing and idempotently, from the command line, the API
 * or on first start.
 */
package org.lodestone.ingest;
