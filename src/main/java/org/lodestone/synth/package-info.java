/**
 * A deterministic generator of synthetic diplomacy graphs in the project's own data format, for scale tests and
 * benchmarks.
 */
package org.lodestone.synth;
