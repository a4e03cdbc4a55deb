/**
 * HTTP concerns shared by every feature: mapping domain exceptions to RFC 9457 problem details.
 */
package org.lodestone.web;
