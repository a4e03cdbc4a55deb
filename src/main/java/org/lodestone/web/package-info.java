/**
 * The HTTP edge every feature shares: mapping exceptions to RFC 9457 problem details, the error controller and the
 * container's and Jackson's request limits.
 */
package org.lodestone.web;
