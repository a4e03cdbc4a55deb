package org.lodestone.inbox;

/**
 * A connector could not fetch or read its document; nothing was proposed, and the message says why.
 */
public class ConnectorException extends RuntimeException {

	private final String connector;

	ConnectorException(String connector, String message) {
		super(connector + ": " + message);
		this.connector = connector;
	}

	ConnectorException(String connector, String message, Throwable cause) {
		super(connector + ": " + message, cause);
		this.connector = connector;
	}

	/**
	 * @return the connector's name
	 */
	public String connector() {
		return this.connector;
	}

}
