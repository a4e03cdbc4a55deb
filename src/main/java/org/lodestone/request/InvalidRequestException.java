package org.lodestone.request;

/**
 * A request value is malformed or out of range. Thrown by features when they check their inputs; it carries no HTTP
 * status, only the parameter at fault.
 */
public class InvalidRequestException extends RuntimeException {

	private final String parameter;

	/**
	 * @param parameter the parameter at fault, or {@code null}
	 * @param message what is wrong and what is accepted
	 */
	public InvalidRequestException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/**
	 * @return the parameter at fault, or {@code null}
	 */
	public String parameter() {
		return this.parameter;
	}

}
