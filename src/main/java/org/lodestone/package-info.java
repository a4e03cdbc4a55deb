/**
 * Lodestone's entry point; each sub-package holds one feature.
 */
package org.lodestone;
