/**
 * Lodestone's entry point, which runs a command given on the command line or starts the application over the
 * packages below it.
 */
package org.lodestone;
