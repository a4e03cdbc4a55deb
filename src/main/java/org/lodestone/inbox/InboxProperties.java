package org.lodestone.inbox;

import java.time.Duration;
import java.util.List;
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
 * @param opensanctions the OpenSanctions connector
 * @param usgs the USGS Mineral Commodity Summaries connector
 * @param schedule when connectors run on their own
 */
@ConfigurationProperties("lodestone.inbox")
public record InboxProperties(@DefaultValue("16MB") DataSize maxDocumentSize,
		@DefaultValue("30s") Duration fetchTimeout, @DefaultValue FederalRegister federalRegister,
		@DefaultValue OpenSanctions opensanctions, @DefaultValue Usgs usgs, @DefaultValue Schedule schedule) {

	/**
	 * @param url the world data file (CSV, or the release's zip) {@code refresh usgs-mcs} reads when given none; empty
	 * by default, since USGS publishes each edition at a new address
	 * @param minerals which rows of which commodity are proposed as shares of which mineral
	 * @param countries USGS country names the graph's States do not carry as a name or alias, to State ids
	 * @param editions what the file does not say about its edition: the data release's address and publication date
	 */
	public record Usgs(@DefaultValue("") String url, List<MineralMapping> minerals, Map<String, String> countries,
			Map<String, Edition> editions) {

		/**
		 * The minerals of the bundled graph whose world production the world data file gives, each with the type of
		 * production the graph's other USGS shares use (mine production; primary production for gallium; refinery
		 * production for the by-product metals).
		 */
		static final List<MineralMapping> DEFAULT_MINERALS = List.of(
				new MineralMapping("Rare earths", "Mine production", "mineral:rare-earths"),
				new MineralMapping("Gallium", "Primary production", "mineral:gallium"),
				new MineralMapping("Gemanium", "Primary and secondary refinery production", "mineral:germanium"),
				new MineralMapping("Graphite", "Mine production", "mineral:graphite"),
				new MineralMapping("Antimony", "Mine production", "mineral:antimony"),
				new MineralMapping("Tungsten", "Mine production", "mineral:tungsten"),
				new MineralMapping("Cobalt", "Mine production", "mineral:cobalt"),
				new MineralMapping("Lithium", "Mine production", "mineral:lithium"),
				new MineralMapping("Nickel", "Mine production", "mineral:nickel"),
				new MineralMapping("Manganese", "Mine production", "mineral:manganese"),
				new MineralMapping("Molybdenum", "Mine production", "mineral:molybdenum"),
				new MineralMapping("Indium", "Refinery production", "mineral:indium"),
				new MineralMapping("Tellurium", "Refinery production", "mineral:tellurium"),
				new MineralMapping("Bismuth", "Refinery production", "mineral:bismuth"));

		/** The 2025 file's names for two States whose graph names differ. */
		static final Map<String, String> DEFAULT_COUNTRIES = Map.of("Congo (Kinshasa)", "state:cd",
				"Korea, Republic of", "state:kr");

		/**
		 * MCS2025's data release, DOI 10.5066/P13XCP3R (as USGS's own catalog metadata of the 2025 release cites it);
		 * no publication date is configured, since none was confirmed.
		 */
		static final Map<String, Edition> DEFAULT_EDITIONS = Map.of("MCS2025",
				new Edition(null, "https://doi.org/10.5066/P13XCP3R"));

		public Usgs {
			minerals = (minerals == null || minerals.isEmpty()) ? DEFAULT_MINERALS : List.copyOf(minerals);
			countries = (countries == null || countries.isEmpty()) ? DEFAULT_COUNTRIES : Map.copyOf(countries);
			editions = (editions == null || editions.isEmpty()) ? DEFAULT_EDITIONS : Map.copyOf(editions);
		}

	}

	/**
	 * @param commodity the file's COMMODITY, compared without case or surrounding spaces (USGS spells germanium
	 * "Gemanium" in 2025)
	 * @param type how the rows' TYPE begins, such as {@code Mine production}, compared without case
	 * @param mineral the graph's mineral id
	 */
	public record MineralMapping(String commodity, String type, String mineral) {
	}

	/**
	 * @param published the data release's publication date, or {@code null}: the source is then dated the day the
	 * file was retrieved, as the dataset dates a page that shows no date of its own
	 * @param url where a reader can check the release, such as its DOI
	 */
	public record Edition(java.time.LocalDate published, String url) {
	}

	/**
	 * @param url the FtM entity file the {@code refresh} command reads when given none
	 * @param datasets the Policy each OpenSanctions dataset's designations are proposed under, by dataset name; an
	 * entity of no listed dataset proposes nothing (the run says so)
	 */
	public record OpenSanctions(@DefaultValue(DEFAULT_URL) String url,
			@DefaultValue Map<String, Designation> datasets) {

		static final String DEFAULT_URL = "https://data.opensanctions.org/datasets/latest/us_trade_csl/entities.ftm.json";

		/**
		 * The US consolidated screening list, the BIS Denied Persons List and China's sanctions lists, when no
		 * datasets are configured. Each is a list of designations kept by a government; it is proposed as a Policy
		 * of its own when the graph lacks it, for a reviewer to accept or to map to a measure the graph holds.
		 */
		static final Map<String, Designation> DEFAULT_DATASETS = Map.of(
				"us_trade_csl", new Designation("policy:opensanctions-us-trade-csl", "ExportControl",
						"US Consolidated Screening List (export screening lists of Commerce, State and Treasury)"),
				"us_bis_denied", new Designation("policy:opensanctions-us-bis-denied", "ExportControl",
						"BIS Denied Persons List"),
				"cn_sanctions", new Designation("policy:opensanctions-cn-sanctions", "Ban",
						"China's countermeasures and Unreliable Entity List designations"));

		public OpenSanctions {
			datasets = (datasets == null || datasets.isEmpty()) ? DEFAULT_DATASETS : Map.copyOf(datasets);
		}

	}

	/**
	 * @param policy the graph id of the Policy an entity of the dataset is designated under
	 * @param subtype its subtype, used when the Policy is proposed as new
	 * @param name its name, used when the Policy is proposed as new
	 */
	public record Designation(String policy, String subtype, String name) {
	}

	/**
	 * {@code lodestone.inbox.schedule.*}: off unless enabled. A scheduled run is a {@code refresh} on each connector's
	 * configured URL: it proposes, it never accepts.
	 *
	 * @param enabled whether connectors run on their own
	 * @param cron when, as a Spring cron expression (second minute hour day month weekday), in UTC
	 * @param connectors which connectors run
	 */
	public record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("0 0 6 * * *") String cron,
			@DefaultValue({ "federal-register", "opensanctions" }) List<String> connectors) {
	}

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
