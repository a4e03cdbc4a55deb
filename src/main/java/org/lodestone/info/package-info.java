/**
 * What is running: application and engine versions, the deployment mode, graph size, and the start-up report.
 */
package org.lodestone.info;
