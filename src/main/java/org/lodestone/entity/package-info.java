/**
 * Finding entities by name, and reading one entity: its details, neighbourhood and timeline.
 */
package org.lodestone.entity;
