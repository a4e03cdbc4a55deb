/**
 * The command-line commands: import, validate and seed.
 */
package org.lodestone.cli;
