package org.lodestone.reconcile;

import java.util.List;

/**
 * What the service offers, answered to a GET of the endpoint without parameters.
 *
 * @param versions the API versions spoken
 * @param name the service's name in OpenRefine
 * @param identifierSpace the namespace of the ids candidates carry
 * @param schemaSpace the namespace of the types
 * @param documentation where the service is described
 * @param defaultTypes the kinds, offered first
 * @param batchSize the most queries one batch may hold
 * @param view where a person reads an entity, {@code {{id}}} standing for its id
 * @param preview the HTML preview of an entity
 * @param suggest the entity and type auto-completion services
 */
public record ServiceManifest(List<String> versions, String name, String identifierSpace, String schemaSpace,
		String documentation, List<ReconciliationType> defaultTypes, int batchSize, View view, Preview preview,
		Suggest suggest) {

	/**
	 * @param url a URL template with {@code {{id}}}
	 */
	public record View(String url) {
	}

	/**
	 * @param url a URL template with {@code {{id}}}
	 * @param width the frame's width in pixels
	 * @param height the frame's height in pixels
	 */
	public record Preview(String url, int width, int height) {
	}

	/**
	 * @param entity entity suggest
	 * @param type type suggest
	 */
	public record Suggest(Service entity, Service type) {
	}

	/**
	 * @param service_url the base URL
	 * @param service_path the path after it
	 */
	public record Service(String service_url, String service_path) {
	}

}
