package org.lodestone.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may frame the reconciliation preview: the application and the origins allowed to call the API, never anyone.
 */
class PreviewPolicyTests {

	@Test
	void withoutCorsOnlyTheApplicationMayFrameThePreview() {
		String policy = SecurityConfiguration.previewPolicy(cors(List.of()));
		assertThat(policy).contains("frame-ancestors 'self';").doesNotContain("frame-ancestors 'none'");
		assertThat(policy.replace("frame-ancestors 'self'", "frame-ancestors 'none'"))
			.as("the rest of the policy is the application's").isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
	}

	@Test
	void theCorsOriginsMayFrameThePreviewButAWildcardIsNotPassedOn() {
		String policy = SecurityConfiguration
			.previewPolicy(cors(List.of("http://127.0.0.1:3333", "*", "http://localhost:3333")));
		assertThat(policy).contains("frame-ancestors 'self' http://127.0.0.1:3333 http://localhost:3333;");
	}

	private static SecurityProperties.Cors cors(List<String> origins) {
		return new SecurityProperties.Cors(origins, List.of("GET", "POST"), Duration.ofMinutes(30), true);
	}

}
