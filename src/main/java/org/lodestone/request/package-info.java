/**
 * Request values without HTTP: the exception for a malformed or out-of-range value, the parsing of parameter text
 * into typed values, and the limits on what one request may send.
 */
package org.lodestone.request;
