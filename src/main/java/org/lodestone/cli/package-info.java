/**
 * The command-line commands: import, export, validate, lint, seed, generate and help.
 */
package org.lodestone.cli;
