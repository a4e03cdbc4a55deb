package org.lodestone.neo4j;

/**
 * The embedded engine could not start. The message names the cause in one line, and {@link #setting()} names the
 * property a user changes to fix it.
 */
public class Neo4jStartupException extends RuntimeException {

	private final String setting;

	private final boolean unsafe;

	Neo4jStartupException(String message, String setting) {
		this(message, setting, null, false);
	}

	Neo4jStartupException(String message, String setting, Throwable cause) {
		this(message, setting, cause, false);
	}

	private Neo4jStartupException(String message, String setting, Throwable cause, boolean unsafe) {
		super(message, cause);
		this.setting = setting;
		this.unsafe = unsafe;
	}

	/**
	 * @param message why the settings are refused, in one line
	 * @param setting the property to change
	 * @return an exception for settings that would start the engine in an unsafe way
	 */
	static Neo4jStartupException unsafe(String message, String setting) {
		return new Neo4jStartupException(message, setting, null, true);
	}

	/**
	 * @return the configuration property to change
	 */
	public String setting() {
		return this.setting;
	}

	/**
	 * @return whether the start was refused because the settings are unsafe, rather than because something failed
	 */
	public boolean unsafe() {
		return this.unsafe;
	}

}
