package org.lodestone.inbox;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code lodestone.inbox.*}: where the connectors fetch from and how much they accept.
 *
 * @param maxDocumentSize the largest document a connector reads; a larger one is refused before it is parsed
 * @param fetchTimeout how long a connector waits for its document
 * @param federalRegister the Federal Register connector
 */
@ConfigurationProperties("lodestone.inbox")
public record InboxProperties(@DefaultValue("16MB") DataSize maxDocumentSize,
		@DefaultValue("30s") Duration fetchTimeout, @DefaultValue FederalRegister federalRegister) {

	/**
	 * @param url the documents API query the {@code refresh} command fetches when given none: the newest rules and
	 * notices of the Bureau of Industry and Security, with the fields the connector reads
	 * @param agencies which graph actor issued a document, by the Federal Register's agency slug, and the Policy
	 * subtype its documents are proposed as; a document of no listed agency is skipped
	 */
	public record FederalRegister(@DefaultValue(DEFAULT_URL) String url,
			@DefaultValue Map<String, Issuer> agencies) {

		static final String DEFAULT_URL = "https://www.federalregister.gov/api/v1/documents.json"
				+ "?conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau&order=newest&per_page=20"
				+ "&fields%5B%5D=title&fields%5B%5D=type&fields%5B%5D=action&fields%5B%5D=abstract"
				+ "&fields%5B%5D=document_number&fields%5B%5D=html_url&fields%5B%5D=publication_date"
				+ "&fields%5B%5D=effective_on&fields%5B%5D=agencies&fields%5B%5D=cfr_references&fields%5B%5D=citation";

		/** The Bureau of Industry and Security, when no agencies are configured. */
		static final Map<String, Issuer> DEFAULT_AGENCIES = Map.of("industry-and-security-bureau",
				new Issuer("agency:us-bis", "ExportControl", "state:us"));

		public FederalRegister {
			agencies = (agencies == null || agencies.isEmpty()) ? DEFAULT_AGENCIES : Map.copyOf(agencies);
		}

	}

	/**
	 * @param actor the graph id of the issuing actor, such as {@code agency:us-bis}
	 * @param subtype the Policy subtype of its documents, such as {@code ExportControl}
	 * @param home the issuer's own State, such as {@code state:us}, never proposed as a target (a U.S. rule names "the
	 * United States" in nearly every abstract), or {@code null}
	 */
	public record Issuer(String actor, String subtype, String home) {
	}

}
