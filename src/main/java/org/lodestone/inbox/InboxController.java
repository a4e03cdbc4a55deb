package org.lodestone.inbox;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.lodestone.request.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/inbox}: the review queue. Reading it needs a READ credential even when other reads are open, since
 * proposals are unreviewed; every write needs WRITE (see {@code SecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

	private final InboxService inbox;

	private final RefreshService refresh;

	InboxController(InboxService inbox, RefreshService refresh) {
		this.inbox = inbox;
		this.refresh = refresh;
	}

	@GetMapping
	List<Proposal.Summary> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "50") int limit) {
		return this.inbox.list(status, limit);
	}

	@GetMapping("/{id}")
	InboxService.ProposalReview review(@PathVariable String id) {
		return this.inbox.review(id);
	}

	@PostMapping(path = "/{id}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
	Proposal accept(@PathVariable String id, @RequestBody(required = false) AcceptRequest request,
			Principal reviewer) {
		return this.inbox.accept(id, (request != null) ? request.rows() : null, reviewer.getName());
	}

	@PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
	Proposal reject(@PathVariable String id, @RequestBody RejectRequest request, Principal reviewer) {
		return this.inbox.reject(id, request.reason(), reviewer.getName());
	}

	@PostMapping(path = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<InboxService.Proposed> proposeFromDocument(@RequestBody DocumentClaim claim) {
		InboxService.Proposed proposed = this.inbox.proposeFromDocument(claim.url(), claim.title(), claim.text(),
				claim.claim());
		return ResponseEntity.status(proposed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(proposed);
	}

	// Runs on the connector's configured URL only: a URL from the request would let any WRITE credential make the
	// server fetch addresses of its choosing.
	@PostMapping("/connectors/{connector}/refresh")
	RefreshService.RefreshReport refresh(@PathVariable String connector) {
		return this.refresh.refresh(connector, null);
	}

	// A document the client sends: a bad one is the client's problem (400), not an upstream failure (502).
	@PostMapping(path = "/connectors/{connector}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	RefreshService.RefreshReport upload(@PathVariable String connector, @RequestPart("file") MultipartFile file)
			throws IOException {
		try {
			return this.refresh.upload(connector, file.getOriginalFilename(), file.getBytes());
		}
		catch (ConnectorException ex) {
			throw new InvalidRequestException("file", ex.getMessage() + "; nothing was proposed");
		}
	}

	/**
	 * @param rows the rows as the reviewer corrected them; absent to accept them as proposed
	 */
	record AcceptRequest(ProposedRows rows) {
	}

	/**
	 * @param reason why the proposal is rejected
	 */
	record RejectRequest(String reason) {
	}

	/**
	 * @param url where the document is
	 * @param title a line for the inbox list (optional)
	 * @param text the document's text, pasted
	 * @param claim the rows claimed, each relationship's {@code quote} found verbatim in {@code text}
	 */
	record DocumentClaim(String url, String title, String text, ProposedRows claim) {
	}

}
