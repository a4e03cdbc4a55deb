package org.lodestone.web;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import org.lodestone.request.RequestLimits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * Jackson's read limits for request bodies. In Jackson 3 they belong to the {@link JsonFactory}, which a
 * {@link JsonMapperBuilderCustomizer} cannot replace, so this provides the {@link JsonMapper.Builder} Spring Boot
 * would (same prototype scope, every customizer applied in order) on a factory with the limits. Spring MVC's JSON
 * converter reads with the resulting mapper.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimitsConfiguration {

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers, RequestLimits limits) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(limits.maxJsonDepth())
			.maxDocumentLength(limits.maxJsonBody().toBytes())
			.maxStringLength(limits.maxJsonStringLength())
			.maxNameLength(Math.min(limits.maxJsonStringLength(), 10_000))
			.maxNumberLength(100)
			.maxTokenCount(limits.maxJsonTokens())
			.build();
		JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		return builder;
	}

}
