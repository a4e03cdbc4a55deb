package org.lodestone.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import org.lodestone.request.RequestLimits;
import org.lodestone.web.ProblemResponses;
import org.lodestone.web.ProblemTypes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.lodestone.guide.GuideCorsConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The REST API's access rules.
 * <ul>
 * <li>Open to anyone, always: the explorer page ({@code /}, {@code /index.html}), static assets
 * ({@code /static/**}, {@code /webjars/**} and Boot's common locations), the Browser guide ({@code /guide}),
 * {@code /actuator/health} and error responses.</li>
 * <li>Reads (GET and HEAD of everything else; {@code POST /api/cypher}, {@code /api/scenarios} and
 * {@code /api/reconcile}, which only read, and the MCP endpoint {@code /mcp}, whose tools read but one, which
 * checks the WRITE role itself): open by default; with
 * {@code lodestone.security.require-auth-for-reads=true} they need a READ credential.</li>
 * <li>The inbox ({@code GET /api/inbox/**}): always a READ credential, since proposals are unreviewed.</li>
 * <li>Everything else ({@code POST /api/import} and any other method): a WRITE credential.</li>
 * </ul>
 * CORS: the API answers pages from {@code lodestone.security.cors.allowed-origins} only; the reconciliation service
 * ({@code /api/reconcile/**}) answers any origin, without credentials, unless
 * {@code lodestone.security.cors.reconcile-any-origin=false}.
 * Credentials are API keys ({@code X-API-Key}) or HTTP Basic users, both configured by properties with encoded
 * secrets. No session is created, and every request authenticates on its own. The command-line {@code import} runs
 * without a web server, and so without any of this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** What pages served by the application may load and do. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; "
			+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/** The reconciliation preview, the one page another origin may frame. */
	private static final RequestMatcher PREVIEW = PathPatternRequestMatcher.withDefaults()
		.matcher("/api/reconcile/preview");

	/** The reconciliation service (package {@code reconcile}), which answers CORS for any origin by default. */
	static final String RECONCILE = "/api/reconcile";

	/** The header API keys are sent in. */
	static final String API_KEY_HEADER = "X-API-Key";

	/**
	 * The MCP server's Streamable HTTP endpoint (package {@code mcp}). Its tools read, so it is a read: POST
	 * (messages), GET (the server's event stream) and DELETE (ending one's session) follow the read switch. The one
	 * tool that writes, {@code propose_fact}, only adds an inbox proposal, and refuses a caller without the WRITE role
	 * itself, from the role this chain established (the servlet request's {@code isUserInRole}).
	 */
	static final String MCP_ENDPOINT = "/mcp";

	/** Pages and assets that are public whatever the settings. */
	static final String[] PUBLIC_PAGES = { "/", "/index.html", "/inbox.html", "/guide", "/guide/**", "/static/**", "/webjars/**",
			"/css/**", "/js/**", "/images/**", "/assets/**", "/favicon.ico", "/favicon.svg", "/actuator/health",
			"/actuator/health/**", "/error" };

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties,
			RateLimitProperties rateLimits, RequestLimits limits, ProblemResponses problems,
			AuthenticationManager authenticationManager, ObjectProvider<GuideCorsConfiguration> guide,
			@Value("${server.address:}") String serverAddress) throws Exception {
		AuthenticationEntryPoint entryPoint = entryPoint(problems);
		AuthenticationFilter apiKeys = new AuthenticationFilter(authenticationManager, request -> {
			String key = request.getHeader(API_KEY_HEADER);
			return (key != null) ? ApiKeyAuthentication.unauthenticated(key.strip()) : null;
		});
		apiKeys.setSuccessHandler((request, response, authentication) -> {
			// continue the chain: an API key authenticates this request only
		});
		apiKeys.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		apiKeys.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
				requests.requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll();
				requests.requestMatchers(HttpMethod.HEAD, PUBLIC_PAGES).permitAll();
				requests.requestMatchers(HttpMethod.POST, "/api/import").hasRole(SecurityProperties.Role.WRITE.name());
				// Proposals are unreviewed claims: reading the inbox needs a credential even while other reads are open.
				requests.requestMatchers(HttpMethod.GET, "/api/inbox", "/api/inbox/**")
					.hasRole(SecurityProperties.Role.READ.name());
				requests.requestMatchers(HttpMethod.HEAD, "/api/inbox", "/api/inbox/**")
					.hasRole(SecurityProperties.Role.READ.name());
				if (properties.requireAuthForReads()) {
					requests.requestMatchers(HttpMethod.GET, "/**").hasRole(SecurityProperties.Role.READ.name());
					requests.requestMatchers(HttpMethod.HEAD, "/**").hasRole(SecurityProperties.Role.READ.name());
					requests.requestMatchers(HttpMethod.POST, "/api/cypher", "/api/scenarios", "/api/reconcile", MCP_ENDPOINT)
						.hasRole(SecurityProperties.Role.READ.name());
					requests.requestMatchers(HttpMethod.DELETE, MCP_ENDPOINT).hasRole(SecurityProperties.Role.READ.name());
				}
				else {
					requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
					requests.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
					requests.requestMatchers(HttpMethod.POST, "/api/cypher", "/api/scenarios", "/api/reconcile", MCP_ENDPOINT)
						.permitAll();
					// An MCP client ends its own session with DELETE; the session holds nothing but reads.
					requests.requestMatchers(HttpMethod.DELETE, MCP_ENDPOINT).permitAll();
				}
				requests.anyRequest().hasRole(SecurityProperties.Role.WRITE.name());
			})
			.addFilterBefore(new HostAllowListFilter(serverAddress, properties.allowedHosts(), problems),
					DisableEncodeUrlFilter.class)
			.addFilterBefore(new RateLimitFilter(rateLimits, problems), DisableEncodeUrlFilter.class)
			.addFilterBefore(new BodySizeFilter(limits, problems), DisableEncodeUrlFilter.class)
			.addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied(problems)))
			// Stateless: no session, no cookie; each request carries its credential.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			// CSRF protection guards credentials a browser attaches by itself: session cookies, and Basic
			// credentials it remembers after showing its own login prompt. There are neither here: no session or
			// cookie is ever issued, and the 401 challenge names the API key scheme, not Basic, so a browser never
			// prompts for, remembers or replays a credential. A cross-site page can therefore only send requests
			// without one, which get the anonymous rights at most. CSRF tokens would only break API clients.
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.cors(cors -> cors.configurationSource(corsConfiguration(properties.cors(), guide.getIfAvailable())))
			.addFilterBefore(corsFilter(properties.cors(), guide.getIfAvailable(), problems), CorsFilter.class)
			// The explorer loads only its own scripts and styles; Swagger UI sets inline styles. No page may be framed,
			// except the reconciliation preview, which OpenRefine shows in a frame: the origins allowed to call the API
			// (lodestone.security.cors.allowed-origins) may frame it, through CSP frame-ancestors (X-Frame-Options
			// cannot name an origin, so it is left off there). No address leaves in a Referer.
			.headers(headers -> headers
				.frameOptions(frame -> frame.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(PREVIEW),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(PREVIEW),
						new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PREVIEW,
						new ContentSecurityPolicyHeaderWriter(previewPolicy(properties.cors()))))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/**
	 * @param cors the CORS settings
	 * @return the policy of the reconciliation preview: the application's, but framable by the API's allowed origins
	 */
	static String previewPolicy(SecurityProperties.Cors cors) {
		String ancestors = cors.allowedOrigins().stream().filter(origin -> !"*".equals(origin))
			.map(origin -> " " + origin).reduce("'self'", String::concat);
		return CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors " + ancestors);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService lodestoneUsers(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		properties.users().forEach((name, credential) -> users.add(User.withUsername(name)
			.password(encoded("lodestone.security.users." + name + ".password", credential.password()))
			.authorities(authorities(credential.roles()))
			.build()));
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	AuthenticationManager lodestoneAuthentication(UserDetailsService users, SecurityProperties properties,
			PasswordEncoder encoder) {
		DaoAuthenticationProvider basic = new DaoAuthenticationProvider(users);
		basic.setPasswordEncoder(encoder);
		List<ApiKeyAuthenticationProvider.ConfiguredKey> keys = new ArrayList<>();
		properties.apiKeys().forEach((name, credential) -> keys.add(new ApiKeyAuthenticationProvider.ConfiguredKey(
				name, encoded("lodestone.security.api-keys." + name + ".key", credential.key()),
				authorities(credential.roles()))));
		ProviderManager manager = new ProviderManager(basic, new ApiKeyAuthenticationProvider(keys, encoder));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		// A URL the firewall refuses (encoded slashes, "..", control characters) is the client's fault: 400, shown
		// as problem details by /error, instead of an exception the container reports as 500.
		return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
	}

	private static AuthenticationEntryPoint entryPoint(ProblemResponses problems) {
		return (request, response, exception) -> {
			boolean presented = request.getHeader(API_KEY_HEADER) != null
					|| request.getHeader("Authorization") != null;
			response.setHeader("WWW-Authenticate", "ApiKey realm=\"lodestone\", header=\"" + API_KEY_HEADER + "\"");
			String detail = (presented || exception instanceof BadCredentialsException)
					? "The credential was not accepted"
					: "This request needs a credential: an " + API_KEY_HEADER + " header or HTTP Basic";
			problems.write(request, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
					ProblemTypes.UNAUTHORIZED, "Authentication required", detail));
		};
	}

	private static AccessDeniedHandler accessDenied(ProblemResponses problems) {
		return (request, response, exception) -> problems.write(request, response,
				ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Not allowed",
						"The credential does not allow this request; it needs the WRITE role"));
	}

	// Spring Security's own CORS filter stays (it lets preflights through authorization); this one runs first with the
	// same configuration and answers what it refuses with problem details, so the second never sees a refusal.
	private static CorsFilter corsFilter(SecurityProperties.Cors cors, GuideCorsConfiguration guide,
			ProblemResponses problems) {
		CorsFilter filter = new CorsFilter(corsConfiguration(cors, guide));
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		return filter;
	}

	private static CorsConfigurationSource corsConfiguration(SecurityProperties.Cors cors,
			GuideCorsConfiguration guide) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (guide != null) {
			// Neo4j Browser fetches the guide from another origin, with a preflight this filter answers itself.
			source.registerCorsConfiguration("/guide", guide.guideCors());
		}
		if (cors.reconcileAnyOrigin()) {
			// Registered before /api/**, whose configuration would otherwise match first. Reconciliation clients run
			// in browsers at origins nobody can list in advance (OpenRefine at http://127.0.0.1:3333 on each
			// analyst's machine, Wikidata's tools), and the Reconciliation Service API expects CORS of a service.
			// These paths only read what the explorer shows anyone; no credential is allowed, so a page gets the
			// anonymous rights at most, as it would without CORS.
			CorsConfiguration reconcile = new CorsConfiguration();
			reconcile.setAllowedOrigins(List.of(CorsConfiguration.ALL));
			reconcile.setAllowedMethods(List.of("GET", "POST"));
			reconcile.setAllowedHeaders(List.of("Content-Type"));
			reconcile.setAllowCredentials(false);
			reconcile.setMaxAge(cors.maxAge());
			source.registerCorsConfiguration(RECONCILE, reconcile);
			source.registerCorsConfiguration(RECONCILE + "/**", reconcile);
		}
		if (!cors.allowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(cors.allowedOrigins());
			configuration.setAllowedMethods(cors.allowedMethods());
			configuration.setAllowedHeaders(List.of("Content-Type", "Authorization", API_KEY_HEADER));
			configuration.setExposedHeaders(List.of("Retry-After", "X-Rate-Limit-Remaining"));
			configuration.setAllowCredentials(false);
			configuration.setMaxAge(cors.maxAge());
			source.registerCorsConfiguration("/api/**", configuration);
		}
		return source;
	}

	private static List<GrantedAuthority> authorities(Set<SecurityProperties.Role> roles) {
		Set<SecurityProperties.Role> granted = EnumSet.noneOf(SecurityProperties.Role.class);
		granted.addAll(roles);
		if (granted.contains(SecurityProperties.Role.WRITE)) {
			granted.add(SecurityProperties.Role.READ);
		}
		return granted.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
	}

	// A secret without its {id} prefix would fail on every login with an obscure message, and one in plain text
	// would be a secret in a configuration file: refuse both at start, naming the property.
	private static String encoded(String property, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(property + " is not set");
		}
		if (!value.startsWith("{") || value.indexOf('}') < 2) {
			throw new IllegalStateException(property + " must be encoded with its algorithm, such as {bcrypt}$2a$10$..."
					+ " (see the Security section of README.md); plain text is refused");
		}
		return value;
	}

}
