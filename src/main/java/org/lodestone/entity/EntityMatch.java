package org.lodestone.entity;

import java.util.List;

/**
 * One search result.
 *
 * @param id the stable id
 * @param kind the kind
 * @param subtype the subtype
 * @param name the display name
 * @param aliases other names
 * @param score how well it matches, higher is better; exact name or alias matches rank first
 */
public record EntityMatch(String id, String kind, String subtype, String name, List<String> aliases, double score) {
}
