/**
 * The benchmarks of docs/benchmarks.md: workloads and their baselines, JMH wrappers, and the suite that runs them.
 */
package org.lodestone.bench;
