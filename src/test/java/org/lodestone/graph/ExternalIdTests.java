package org.lodestone.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form checks of the identifiers other datasets give entities, on real identifiers and on the standards' own
 * worked examples.
 */
class ExternalIdTests {

	@Test
	void aQidIsQAndDigitsWithoutALeadingZero() {
		assertThat(ExternalId.WIKIDATA.problem("Q182477")).isNull();
		assertThat(ExternalId.WIKIDATA.problem("Q30")).isNull();
		assertThat(ExternalId.WIKIDATA.problem("q30")).isNotNull();
		assertThat(ExternalId.WIKIDATA.problem("Q030")).isNotNull();
		assertThat(ExternalId.WIKIDATA.problem("Q")).isNotNull();
		assertThat(ExternalId.WIKIDATA.problem("P31")).isNotNull();
		assertThat(ExternalId.WIKIDATA.problem("Q182477 ")).isNotNull();
	}

	@Test
	void anLeiPassesItsIso7064CheckDigits() {
		// Nvidia's and ASML Holding's LEIs (data/identifiers.csv says where they were checked)
		assertThat(ExternalId.LEI.problem("549300S4KLFTLO7GSQ80")).isNull();
		assertThat(ExternalId.LEI.problem("724500Y6DUVHQD6OXN27")).isNull();
		// one check digit off, two characters swapped, lower case, too short
		assertThat(ExternalId.LEI.problem("549300S4KLFTLO7GSQ81")).contains("MOD 97-10");
		assertThat(ExternalId.LEI.problem("549300S4KLFTLO7GQS80")).isNotNull();
		assertThat(ExternalId.LEI.problem("549300s4klftlo7gsq80")).isNotNull();
		assertThat(ExternalId.LEI.problem("549300S4KLFTLO7GSQ8")).isNotNull();
		assertThat(ExternalId.mod97("549300S4KLFTLO7GSQ80")).isEqualTo(1);
	}

	@Test
	void aCreditCodeEndsInTheCheckCharacterOfGb32100() {
		// GB 32100-2015's worked example: the first 17 characters of 91350100M000100Y4Z call for 3, not Z
		assertThat(ExternalId.usccCheckCharacter("91350100M000100Y4Z")).isEqualTo('3');
		assertThat(ExternalId.USCC.problem("91350100M000100Y4Z")).contains("GB 32100-2015");
		assertThat(ExternalId.USCC.problem("91350100M000100Y43")).isNull();
		// letters outside the standard's set (I, O, S, V, Z) and lower case are refused, whatever the check
		assertThat(ExternalId.USCC.problem("91350100M0001O0Y43")).isNotNull();
		assertThat(ExternalId.USCC.problem("91350100m000100y43")).isNotNull();
		assertThat(ExternalId.USCC.problem("91350100M000100Y4")).isNotNull();
	}

	@Test
	void anOpenSanctionsIdIsASlug() {
		assertThat(ExternalId.OPENSANCTIONS.problem("NK-jwaS6fDuK2uzvRrsDRwkfo")).isNull();
		assertThat(ExternalId.OPENSANCTIONS.problem("Q15031")).isNull();
		assertThat(ExternalId.OPENSANCTIONS.problem("ofac-12345")).isNull();
		assertThat(ExternalId.OPENSANCTIONS.problem("NK abc")).isNotNull();
		assertThat(ExternalId.OPENSANCTIONS.problem("../etc")).isNotNull();
		assertThat(ExternalId.OPENSANCTIONS.problem("x".repeat(101))).isNotNull();
	}

	@Test
	void legalEntityIdsBelongToCompaniesAndSanctionsIdsToActors() {
		assertThat(ExternalId.LEI.appliesTo(Subtype.COMPANY)).isTrue();
		assertThat(ExternalId.LEI.appliesTo(Subtype.STATE)).isFalse();
		assertThat(ExternalId.USCC.appliesTo(Subtype.AGENCY)).isFalse();
		assertThat(ExternalId.OPENSANCTIONS.appliesTo(Subtype.PERSON)).isTrue();
		assertThat(ExternalId.OPENSANCTIONS.appliesTo(Subtype.CHIP)).isFalse();
		assertThat(ExternalId.WIKIDATA.appliesTo(Subtype.ELEMENT)).isTrue();
	}

}
