/**
 * The inbox: connectors and analysts propose facts in the dataset's own rows, a reviewer accepts (through the
 * importer), edits or rejects each proposal, and every quote is located in the text it was taken from.
 */
package org.lodestone.inbox;
