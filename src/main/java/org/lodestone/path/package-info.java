/**
 * Path questions ("what connects H20 to NdPr?") answered with explained, dated and cited hops, ranked.
 */
package org.lodestone.path;
