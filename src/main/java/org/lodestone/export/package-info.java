/**
 * Exporters that stream a graph snapshot into files other tools read: one class per format.
 */
package org.lodestone.export;
