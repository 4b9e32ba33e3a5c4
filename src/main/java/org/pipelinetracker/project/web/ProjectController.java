package org.pipelinetracker.project.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.query.DataQuality;
import org.pipelinetracker.project.query.PageOf;
import org.pipelinetracker.project.query.ProjectFilter;
import org.pipelinetracker.project.query.ProjectSort;
import org.pipelinetracker.project.query.ProjectSummary;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectViews;
import org.pipelinetracker.project.app.Requests.CorrectionRequest;
import org.pipelinetracker.project.app.Requests.DisbursementRequest;
import org.pipelinetracker.project.app.Requests.EximbankFundingRequest;
import org.pipelinetracker.project.app.Requests.ExpenditureRequest;
import org.pipelinetracker.project.app.Requests.FundingRequest;
import org.pipelinetracker.project.app.Requests.IncomingFundsRequest;
import org.pipelinetracker.project.app.Requests.MilestoneRequest;
import org.pipelinetracker.project.app.Requests.ProjectTextRequest;
import org.pipelinetracker.project.app.Requests.ProposeProjectRequest;
import org.pipelinetracker.project.app.Requests.SignAgreementRequest;
import org.pipelinetracker.project.app.Requests.StageChangeRequest;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.reference.SearchText;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/projects}: propose projects, record what happens to them, and read where they stand.
 */
@RestController
@RequestMapping(path = "/api/projects", produces = "application/json")
class ProjectController {

	private final ProjectWriteService writes;
	private final ProjectViews views;
	private final ProjectTimeline timeline;
	private final Codelists codelists;
	private final DisplayCurrencies displayCurrencies;
	private final FiscalCalendar fiscalCalendar;

	ProjectController(ProjectWriteService writes, ProjectViews views, ProjectTimeline timeline, Codelists codelists,
			DisplayCurrencies displayCurrencies,
			@Value("${tracker.fiscal-year.start-month:1}") int fiscalYearStartMonth) {
		this.writes = writes;
		this.views = views;
		this.timeline = timeline;
		this.codelists = codelists;
		this.displayCurrencies = displayCurrencies;
		this.fiscalCalendar = new FiscalCalendar(fiscalYearStartMonth);
	}

	@PostMapping(consumes = "application/json")
	@ApiResponse(responseCode = "201", description = "Proposed; Location names the new project, ETag its version",
			useReturnTypeSchema = true)
	ResponseEntity<WriteResult> propose(@RequestBody ProposeProjectRequest request,
			Principal principal) {
		WriteResult result = writes.propose(request, audit(principal));
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(result.projectId())
				.toUri();
		return ResponseEntity.created(location).body(result);
	}

	@PostMapping(path = "/{id}/agreements", consumes = "application/json")
	WriteResult signAgreement(@PathVariable String id, @RequestBody SignAgreementRequest request,
			Principal principal) {
		return writes.signAgreement(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/fundings/eximbank", consumes = "application/json")
	WriteResult fundViaEximbank(@PathVariable String id, @RequestBody EximbankFundingRequest request,
			Principal principal) {
		return writes.fundViaEximbank(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/fundings", consumes = "application/json")
	WriteResult commitFunding(@PathVariable String id, @RequestBody FundingRequest request,
			Principal principal) {
		return writes.commitFunding(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/fundings/{fundingId}/corrections", consumes = "application/json")
	WriteResult correctCommitment(@PathVariable String id, @PathVariable String fundingId,
			@RequestBody CorrectionRequest request, Principal principal) {
		return writes.correctCommitment(id, fundingId, request, audit(principal));
	}

	@PostMapping(path = "/{id}/disbursements", consumes = "application/json")
	WriteResult recordDisbursement(@PathVariable String id, @RequestBody DisbursementRequest request,
			Principal principal) {
		return writes.recordDisbursement(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/incoming-funds", consumes = "application/json")
	WriteResult recordIncomingFunds(@PathVariable String id, @RequestBody IncomingFundsRequest request,
			Principal principal) {
		return writes.recordIncomingFunds(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/expenditures", consumes = "application/json")
	WriteResult recordExpenditure(@PathVariable String id, @RequestBody ExpenditureRequest request,
			Principal principal) {
		return writes.recordExpenditure(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/milestones", consumes = "application/json")
	WriteResult recordMilestone(@PathVariable String id, @RequestBody MilestoneRequest request,
			Principal principal) {
		return writes.recordMilestone(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/texts", consumes = "application/json")
	WriteResult recordText(@PathVariable String id, @RequestBody ProjectTextRequest request, Principal principal) {
		return writes.recordText(id, request, audit(principal));
	}

	@PostMapping(path = "/{id}/start")
	WriteResult start(@PathVariable String id, @RequestBody(required = false) StageChangeRequest request,
			Principal principal) {
		return writes.start(id, orEmpty(request), audit(principal));
	}

	@PostMapping(path = "/{id}/suspend")
	WriteResult suspend(@PathVariable String id, @RequestBody(required = false) StageChangeRequest request,
			Principal principal) {
		return writes.suspend(id, orEmpty(request), audit(principal));
	}

	@PostMapping(path = "/{id}/resume")
	WriteResult resume(@PathVariable String id, @RequestBody(required = false) StageChangeRequest request,
			Principal principal) {
		return writes.resume(id, orEmpty(request), audit(principal));
	}

	@PostMapping(path = "/{id}/finalise")
	WriteResult finalise(@PathVariable String id, @RequestBody(required = false) StageChangeRequest request,
			Principal principal) {
		return writes.finalise(id, orEmpty(request), audit(principal));
	}

	@PostMapping(path = "/{id}/complete")
	WriteResult complete(@PathVariable String id, @RequestBody(required = false) StageChangeRequest request,
			Principal principal) {
		return writes.complete(id, orEmpty(request), audit(principal));
	}

	@PostMapping(path = "/{id}/cancel")
	WriteResult cancel(@PathVariable String id, @RequestBody(required = false) StageChangeRequest request,
			Principal principal) {
		return writes.cancel(id, orEmpty(request), audit(principal));
	}

	/** @param displayCurrency the currency of {@code converted} (default USD) */
	@GetMapping("/{id}")
	ResponseEntity<ProjectView> get(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
			@RequestParam(required = false) Instant knownAt, @RequestParam(required = false) String displayCurrency) {
		String shownIn = displayCurrencies.resolve(displayCurrency, "displayCurrency");
		if (asOf == null && knownAt == null) {
			ProjectView view = timeline.current(id, shownIn).orElseThrow(() -> ProjectProblemHandler.notFound(id));
			return ResponseEntity.ok().eTag("\"" + view.version + "\"").body(view);
		}
		ProjectView view = timeline.view(id, asOf, knownAt, shownIn).orElseThrow(() -> timeline.current(id).isPresent()
				? ProjectProblemHandler.notYet(id, asOf, knownAt) : ProjectProblemHandler.notFound(id));
		return ResponseEntity.ok().body(view);
	}

	/**
	 * @param displayCurrency the currency of each line's {@code converted} (default USD)
	 * @param sort            {@code field,asc|desc}: projectId (default), title, sector, region, stage, proposedOn,
	 *                        lastEventAt, committed, disbursed (converted to the display currency; projects with
	 *                        such an amount without a rate last); ties in project id order
	 * @param iatiStatus      an IATI activity status code: the projects in the stages that have it
	 */
	@GetMapping
	PageOf<ProjectSummary> list(@RequestParam(required = false) Stage stage,
			@RequestParam(required = false) String sector, @RequestParam(required = false) String region,
			@RequestParam(required = false) String q, @RequestParam(required = false) DataQuality.Flag flag,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) String displayCurrency, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String iatiStatus, @RequestParam(required = false) String funder,
			@RequestParam(required = false) String fiscalYear) {
		Violations v = new Violations();
		Optional<ProjectSort> order = ProjectSort.parse(sort);
		v.check(order.isPresent(), "sort", "must be field,asc or field,desc with field one of " + ProjectSort.fieldNames());
		Set<Stage> stages = EnumSet.noneOf(Stage.class);
		if (iatiStatus != null && !iatiStatus.isBlank()) {
			Arrays.stream(Stage.values()).filter(st -> st.iatiStatus().equals(iatiStatus.trim())).forEach(stages::add);
			v.check(!stages.isEmpty(), "iatiStatus", "must be an IATI activity status code a stage has (1 to 6)");
		}
		v.check(q == null || q.length() <= 200, "q", Text.of("problem.field.size").with("min", 0).with("max", 200));
		v.check(page >= 0, "page", "must be 0 or more");
		v.check(size >= 1 && size <= 200, "size", "must be between 1 and 200");
		String sectorCode = codelists.sectorFilter(v, "sector", sector);
		String canonicalRegion = codelists.regionOf(v, "region", region);
		String shownIn = displayCurrencies.resolve(v, displayCurrency, "displayCurrency");
		v.check(funder == null || funder.length() <= 200, "funder", Text.of("problem.field.size").with("min", 0)
				.with("max", 200));
		FiscalPeriod activeIn = fiscalYear == null || fiscalYear.isBlank() ? null
				: fiscalCalendar.parse(fiscalYear).orElse(null);
		v.check(fiscalYear == null || fiscalYear.isBlank() || activeIn != null, "fiscalYear",
				Text.of("problem.field.fiscalPeriodLabel").with("value", fiscalYear));
		v.throwIfAny();
		return views.list(new ProjectFilter(stage, sectorCode, canonicalRegion, SearchText.words(q), flag, stages,
				funder, activeIn), order.orElseThrow(), page, size, shownIn);
	}

	private static StageChangeRequest orEmpty(StageChangeRequest request) {
		return request != null ? request : new StageChangeRequest(null, null, null);
	}

	/** The authenticated user is the actor of every write; a client-sent {@code X-Actor} header is ignored. */
	private static AuditContext audit(Principal principal) {
		return AuditContext.of(principal);
	}
}
