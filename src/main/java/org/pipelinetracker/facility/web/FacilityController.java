package org.pipelinetracker.facility.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.pipelinetracker.facility.app.CreateFacilityRequest;
import org.pipelinetracker.facility.app.FacilityWriteResult;
import org.pipelinetracker.facility.app.FacilityWriteService;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.facility.query.FacilityView;
import org.pipelinetracker.facility.query.FacilityViews;
import org.pipelinetracker.facility.query.LenderView;
import org.pipelinetracker.facility.query.LenderViews;
import org.pipelinetracker.storage.AfterCommit;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /api/facilities}: open credit facilities and read how much of each is committed.
 * <p>
 * Reads come from the facility-usage read model, which follows the event store within milliseconds; a create
 * answers only once the read model shows the new facility (or after {@link #READ_MODEL_WAIT}), so a client can
 * read it straight away. Refusals ({@code CommandRejectedException}) are mapped by the project module's handler.
 */
@RestController
@RequestMapping(path = "/api/facilities", produces = "application/json")
class FacilityController {

	static final Duration READ_MODEL_WAIT = Duration.ofSeconds(2);

	private final FacilityWriteService writes;
	private final FacilityViews views;
	private final LenderViews lenders;
	private final Clock clock;

	FacilityController(FacilityWriteService writes, FacilityViews views, LenderViews lenders, Clock clock) {
		this.writes = writes;
		this.views = views;
		this.lenders = lenders;
		this.clock = clock;
	}

	@PostMapping(consumes = "application/json")
	@ApiResponse(responseCode = "201", description = "Created; Location names the new facility",
			useReturnTypeSchema = true)
	ResponseEntity<FacilityWriteResult> create(@RequestBody CreateFacilityRequest request, Principal principal) {
		FacilityWriteResult result = writes.create(request, AuditContext.of(principal).actor());
		AfterCommit.run(() -> views.awaitVersion(result.facilityId(), result.version(), READ_MODEL_WAIT));
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(result.facilityId())
				.toUri();
		return ResponseEntity.created(location).body(result);
	}

	@GetMapping("/{id}")
	FacilityView get(@PathVariable String id) {
		if (!FacilityId.isValid(id)) {
			throw notFound(id);
		}
		return views.find(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * The lender's view of the facility on {@code asOf} (default today): every commitment drawing on it with what is
	 * committed, disbursed, undisbursed, cancelled, repaid, outstanding and in arrears, and the totals per currency.
	 */
	@GetMapping("/{id}/loans")
	LenderView loans(@PathVariable String id, @RequestParam(required = false) LocalDate asOf) {
		if (!FacilityId.isValid(id)) {
			throw notFound(id);
		}
		return lenders.of(id, asOf != null ? asOf : LocalDate.now(clock)).orElseThrow(() -> notFound(id));
	}

	@GetMapping
	List<FacilityView> list() {
		return views.list();
	}

	@ExceptionHandler(ConcurrencyException.class)
	ResponseEntity<ProblemDetail> concurrent(ConcurrencyException ex) {
		return Problems.of(Kind.FACILITY_CHANGED_CONCURRENTLY).response();
	}

	/** No facility with that id (in the read model): answered 404 by the API's handler. */
	private static RuntimeException notFound(String facilityId) {
		return Problems.of(Kind.FACILITY_NOT_FOUND, facilityId).exception();
	}
}
