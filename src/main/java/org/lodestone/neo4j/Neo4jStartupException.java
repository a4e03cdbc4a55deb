package org.lodestone.neo4j;

/**
 * The embedded engine could not start. The message names the cause in one line, and {@link #setting()} names the
 * property a user changes to fix it.
 */
public class Neo4jStartupException extends RuntimeException {

	private final String setting;

	Neo4jStartupException(String message, String setting) {
		super(message);
		this.setting = setting;
	}

	Neo4jStartupException(String message, String setting, Throwable cause) {
		super(message, cause);
		this.setting = setting;
	}

	/**
	 * @return the configuration property to change
	 */
	public String setting() {
		return this.setting;
	}

}
