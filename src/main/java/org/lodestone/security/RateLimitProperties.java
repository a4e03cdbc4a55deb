package org.lodestone.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limiting: each client (its IP address as the server sees it) has a token bucket of
 * {@code capacity} requests, refilled at {@code capacity} per {@code period}.
 *
 * @param enabled whether requests are limited at all
 * @param capacity the most requests a client may burst, and how many it regains per period
 * @param period how long the bucket takes to refill completely
 * @param maxClients how many clients' buckets are remembered; the least recently seen are forgotten first
 */
@ConfigurationProperties("lodestone.rate-limit")
public record RateLimitProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("6000") long capacity,
		@DefaultValue("1m") Duration period,
		@DefaultValue("10000") int maxClients) {
}
