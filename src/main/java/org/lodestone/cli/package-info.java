/**
 * The command-line commands: import, export, validate and seed.
 */
package org.lodestone.cli;
