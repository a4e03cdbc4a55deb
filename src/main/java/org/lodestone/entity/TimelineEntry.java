package org.lodestone.entity;

import java.time.LocalDate;

import org.lodestone.graph.Link;

/**
 * One dated event touching an entity.
 *
 * @param date when it happened
 * @param event what happened: {@code started} or {@code ended} for a relationship, or a measure's {@code announced},
 * {@code effective}, {@code suspended-until} or {@code rescinded}
 * @param subject the id of the entity or relationship the event is about
 * @param description the event in one sentence
 * @param link the relationship, for relationship events
 */
public record TimelineEntry(LocalDate date, String event, String subject, String description, Link link) {
}
