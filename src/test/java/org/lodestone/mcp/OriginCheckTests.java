package org.lodestone.mcp;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OriginCheckTests {

	final OriginCheck check = new OriginCheck(List.of("https://analyst.example.org"));

	@Test
	void clientsThatAreNotBrowsersSendNoOriginAndPass() {
		assertThatCode(() -> this.check.validateHeaders(Map.of("host", List.of("localhost:8080"))))
			.doesNotThrowAnyException();
	}

	@Test
	void theApplicationsOwnOriginAndListedOriginsPass() {
		assertThatCode(() -> this.check.validateHeaders(Map.of("host", List.of("localhost:8080"), "origin",
				List.of("http://localhost:8080")))).doesNotThrowAnyException();
		assertThatCode(() -> this.check.validateHeaders(Map.of("Host", List.of("localhost:8080"), "Origin",
				List.of("https://analyst.example.org")))).doesNotThrowAnyException();
	}

	@Test
	void anyOtherOriginIsRefusedWith403() {
		assertThatThrownBy(() -> this.check.validateHeaders(Map.of("host", List.of("localhost:8080"), "origin",
				List.of("https://evil.example")))).isInstanceOf(ServerTransportSecurityException.class)
			.satisfies(ex -> org.assertj.core.api.Assertions
				.assertThat(((ServerTransportSecurityException) ex).getStatusCode()).isEqualTo(403));
		// Another port on the same machine is another origin: a local dev server's page may not call the API.
		assertThatThrownBy(() -> this.check.validateHeaders(Map.of("host", List.of("localhost:8080"), "origin",
				List.of("http://localhost:3000")))).isInstanceOf(ServerTransportSecurityException.class);
	}

}
