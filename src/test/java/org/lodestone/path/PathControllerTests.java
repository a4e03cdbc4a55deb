package org.lodestone.path;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lodestone.graph.EntitySummary;
import org.lodestone.graph.Link;
import org.lodestone.graph.SourceReference;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

// The web slice checks the JSON and problem+json contracts; access rules are tested on the full application
// (ApiAccessIT), so the security filters are left out here.
@WebMvcTest(PathController.class)
@AutoConfigureMockMvc(addFilters = false)
class PathControllerTests {

	static final EntitySummary H20 = new EntitySummary("product:nvidia-h20", "Product", "Chip", "Nvidia H20");

	static final EntitySummary DEAL = new EntitySummary("policy:deal", "Policy", "TradeDeal", "Magnet deal");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	PathService paths;

	@Test
	void answersWithResolvedEndpointsEffectiveQueryAndExplainedHops() {
		SourceReference reuters = new SourceReference("src:reuters", "Lutnick ties H20 to magnets", "Reuters",
				LocalDate.of(2025, 7, 15), "https://example.org/reuters");
		Link hop = new Link("policy:deal|COVERS|product:nvidia-h20", "COVERS", DEAL, H20, LocalDate.of(2025, 7, 15),
				null, 0.7, "We put that in the trade deal with the magnets", null, null, List.of(reuters),
				"Magnet deal concerns Nvidia H20 from 2025-07-15, per Reuters 2025-07-15.", "day", "start");
		ConnectionPath path = new ConnectionPath(List.of(H20, DEAL), List.of(hop), 1, 0.7, LocalDate.of(2025, 7, 15),
				"Nvidia H20 connects to Magnet deal in 1 hop.");
		PathQuery query = new PathQuery("k-shortest", 5, 6, List.of(), List.of(), List.of(), null, 0, "any");
		given(this.paths.connect(eq("H20"), eq("deal"), any())).willReturn(new PathAnswer(H20, DEAL, query,
				List.of(path), null));

		assertThat(this.mvc.get().uri("/api/paths?from=H20&to=deal")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.from.id").isEqualTo("product:nvidia-h20");
				assertThat(json).extractingPath("$.query.mode").isEqualTo("k-shortest");
				assertThat(json).extractingPath("$.paths[0].hops[0].validFrom").isEqualTo("2025-07-15");
				assertThat(json).extractingPath("$.paths[0].hops[0].quote")
					.isEqualTo("We put that in the trade deal with the magnets");
				assertThat(json).extractingPath("$.paths[0].hops[0].sources[0].publisher").isEqualTo("Reuters");
				assertThat(json).extractingPath("$.paths[0].hops[0].sources[0].url")
					.isEqualTo("https://example.org/reuters");
				assertThat(json).extractingPath("$.paths[0].hops[0].sentence").asString().contains("per Reuters");
				assertThat(json).extractingPath("$.paths[0].summary").asString().startsWith("Nvidia H20 connects");
			});
	}

	@Test
	void passesEveryOptionThrough() {
		given(this.paths.connect(any(), any(), any())).willReturn(new PathAnswer(H20, DEAL,
				new PathQuery("all", 3, 4, List.of(), List.of(), List.of(), null, 0, "any"), List.of(), "none"));
		assertThat(this.mvc.get().uri("/api/paths?from=a&to=b&mode=all&k=3&maxDepth=4&types=covers,LICENSED_FOR"
				+ "&excludeTypes=TARGETS&kinds=Policy,chip&asOf=2025-05-15&minConfidence=0.5&direction=outgoing"))
			.hasStatusOk();
		ArgumentCaptor<PathOptions> options = ArgumentCaptor.forClass(PathOptions.class);
		verify(this.paths).connect(eq("a"), eq("b"), options.capture());
		assertThat(options.getValue()).satisfies(o -> {
			assertThat(o.mode()).isEqualTo(PathMode.ALL);
			assertThat(o.k()).isEqualTo(3);
			assertThat(o.maxDepth()).isEqualTo(4);
			assertThat(o.types()).extracting(Enum::name).containsExactly("COVERS", "LICENSED_FOR");
			assertThat(o.excludeTypes()).extracting(Enum::name).containsExactly("TARGETS");
			assertThat(o.kinds()).containsExactly("Policy", "Chip");
			assertThat(o.asOf()).isEqualTo(LocalDate.of(2025, 5, 15));
			assertThat(o.minConfidence()).isEqualTo(0.5);
			assertThat(o.outgoing()).isTrue();
		});
	}

	@Test
	void badParametersGiveA400ThatNamesTheParameter() {
		expectBadParameter("maxDepth=20", "maxDepth", "maxDepth must be between 1 and 8, got 20");
		expectBadParameter("maxDepth=deep", "maxDepth", "maxDepth must be a whole number, got 'deep'");
		expectBadParameter("k=0", "k", "k must be between 1 and 50, got 0");
		expectBadParameter("asOf=2025-13-45", "asOf", "asOf must be a date as YYYY-MM-DD, got '2025-13-45'");
		expectBadParameter("types=SMUGGLES", "types", "unknown relationship type 'SMUGGLES' in types");
		expectBadParameter("excludeTypes=NOPE", "excludeTypes", "unknown relationship type 'NOPE' in excludeTypes");
		expectBadParameter("kinds=Spaceship", "kinds", "unknown kind 'Spaceship'");
		expectBadParameter("minConfidence=1.5", "minConfidence", "minConfidence must be between 0 and 1, got 1.5");
		expectBadParameter("mode=fastest", "mode", "mode must be shortest, k-shortest or all, got 'fastest'");
		expectBadParameter("direction=up", "direction", "direction must be any or outgoing, got 'up'");
		verifyNoInteractions(this.paths);
	}

	@Test
	void missingEndpointsGiveAProblemToo() {
		assertThat(this.mvc.get().uri("/api/paths?from=H20")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request");
				assertThat(json).extractingPath("$.parameter").isEqualTo("to");
			});
	}

	private void expectBadParameter(String query, String parameter, String detail) {
		assertThat(this.mvc.get().uri("/api/paths?from=a&to=b&" + query)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.type").isEqualTo("urn:lodestone:problem:invalid-request");
				assertThat(json).extractingPath("$.parameter").isEqualTo(parameter);
				assertThat(json).extractingPath("$.detail").asString().contains(detail);
			});
	}

}
