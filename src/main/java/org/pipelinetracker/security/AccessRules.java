package org.pipelinetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every path of the application and who may use it, in the order they are matched (the first rule that matches a
 * request decides). The security filter chain is built from this list, and a 403 names the roles of the rule that
 * refused it. {@link Role#ADMIN} is added to every role rule.
 * <p>
 * Reads ({@link Access#READ}) need any authenticated user, or nobody when {@code tracker.security.public-read=true}.
 * Anything under {@code /api} that no rule names is refused ({@link Access#DENY}). Every rule for {@code GET} is one
 * for {@code HEAD} too.
 */
final class AccessRules {

	/** What a rule requires. */
	enum Access {
		/** Nobody needs to sign in (login page, static assets, health). */
		OPEN,
		/** Any authenticated user; anonymous too when public read is on. */
		READ,
		/** Any authenticated user, whatever public read says. */
		AUTHENTICATED,
		/** A user with one of the rule's roles (or ADMIN). */
		ROLES,
		/** Nobody. */
		DENY
	}

	/** One rule: method ({@code null} for any), path pattern, what it requires, and for whom. */
	record Rule(HttpMethod method, String pattern, Access access, Set<Role> roles, RequestMatcher matcher) {

		boolean matches(HttpServletRequest request) {
			return matcher.matches(request);
		}

		/** The roles that pass, ADMIN last; empty unless {@link Access#ROLES}. */
		List<Role> allowedRoles() {
			if (access != Access.ROLES) {
				return List.of();
			}
			List<Role> allowed = new ArrayList<>(roles);
			allowed.sort(null); // in the roles' own order, whatever the set's (a copied set has none)
			allowed.remove(Role.ADMIN);
			allowed.add(Role.ADMIN);
			return allowed;
		}

		@Override
		public String toString() {
			return (method == null ? "*" : method.name()) + " " + pattern + " -> " + access
					+ (access == Access.ROLES ? " " + allowedRoles() : "");
		}
	}

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private final List<Rule> rules;

	private AccessRules(List<Rule> rules) {
		this.rules = Collections.unmodifiableList(rules);
	}

	static AccessRules standard() {
		Builder b = new Builder();
		// sign-in, errors, static assets, liveness and the message catalogue (the sign-in page needs it): for everyone
		b.open(null, "/login", "/logout", "/error", "/assets/**", "/webjars/**", "/favicon.ico", "/actuator/health",
				"/actuator/health/**", "/api/i18n/messages");

		// auditors: a project's history, the audit trail, the chain and the consistency check
		b.roles(HttpMethod.GET, Set.of(Role.AUDITOR), "/api/projects/*/history", "/api/audit/**");

		// reads of the portfolio: any user (or anonymous with public read)
		b.read(HttpMethod.GET, "/api/projects", "/api/projects/*", "/api/projects/*/transactions", "/api/projects/*/fundings/*/schedule",
				"/api/projects/*/budgets", "/api/projects/*/planned-disbursements", "/api/projects/*/utilisation", "/api/utilisation", "/api/pipeline", "/api/funding/timeseries",
				"/api/milestones", "/api/alerts", "/api/facilities", "/api/facilities/**", "/api/fx-rates",
				"/api/fx-rates/**", "/api/export/**", "/api/projects/*/statement.xlsx", "/api/stream", "/api/me",
				"/api/reference", "/api/projects/*/documents", "/api/projects/*/documents/*/content");

		// recorders: proposals, agreements, milestones, texts in other languages and stage changes
		b.roles(HttpMethod.POST, Set.of(Role.RECORDER), "/api/projects", "/api/projects/*/agreements",
				"/api/projects/*/milestones", "/api/projects/*/texts", "/api/projects/*/start", "/api/projects/*/suspend",
				"/api/projects/*/resume", "/api/projects/*/finalise", "/api/projects/*/complete", "/api/projects/*/cancel");

		// finance: commitments (every source), corrections, cancellations, loan dates, loan repayments and interest, disbursements, expenditure, incoming funds, plans, facilities
		b.roles(HttpMethod.POST, Set.of(Role.FINANCE), "/api/projects/*/fundings", "/api/projects/*/fundings/eximbank",
				"/api/projects/*/fundings/*/corrections", "/api/projects/*/fundings/*/cancellations",
				"/api/projects/*/fundings/*/repayments", "/api/projects/*/fundings/*/interest-payments",
				"/api/projects/*/fundings/*/dates",
				"/api/projects/*/disbursements",
				"/api/projects/*/expenditures", "/api/projects/*/incoming-funds", "/api/projects/*/budgets",
				"/api/projects/*/planned-disbursements", "/api/facilities",
				"/api/facilities/**");

		// documents: recorders (the record's evidence) and finance (the evidence of money) upload files
		b.roles(HttpMethod.POST, Set.of(Role.RECORDER, Role.FINANCE), "/api/projects/*/documents");

		// four-eyes approval of money: finance, approvers and administrators decide; auditors read too
		b.roles(HttpMethod.GET, Set.of(Role.FINANCE, Role.APPROVER, Role.AUDITOR), "/api/approvals");
		b.roles(HttpMethod.POST, Set.of(Role.FINANCE, Role.APPROVER), "/api/approvals/*/approve",
				"/api/approvals/*/reject");

		// closed periods: any user sees which are closed; the restatements report for finance and auditors; closing
		// and reopening for administrators (below)
		b.read(HttpMethod.GET, "/api/periods");
		b.roles(HttpMethod.GET, Set.of(Role.FINANCE, Role.AUDITOR), "/api/restatements");

		// quarterly reporting: finance takes out the template and uploads it back; finance and auditors see who reported
		b.roles(HttpMethod.GET, Set.of(Role.FINANCE), "/api/reporting/template.xlsx");
		b.roles(HttpMethod.POST, Set.of(Role.FINANCE), "/api/reporting/uploads");
		b.roles(HttpMethod.GET, Set.of(Role.FINANCE, Role.AUDITOR), "/api/reporting/status");

		// the signed-in user's language and time zone
		b.authenticated(null, "/api/me/preferences");

		// the signed-in user's own notifications and notification settings
		b.authenticated(HttpMethod.GET, "/api/notifications", "/api/me/notification-settings");
		b.authenticated(HttpMethod.POST, "/api/notifications/*/read", "/api/notifications/read-all");
		b.authenticated(HttpMethod.PUT, "/api/me/notification-settings");

		// administrators only: replay, dead letters, IATI import (reads included), official exchange rates, closing
		// and reopening periods
		b.roles(null, Set.of(Role.ADMIN), "/api/admin/**", "/api/import/**");
		b.roles(HttpMethod.POST, Set.of(Role.ADMIN), "/api/periods/*/close", "/api/periods/*/reopen");
		b.roles(HttpMethod.POST, Set.of(Role.ADMIN), "/api/fx-rates/imports", "/api/fx-rates/fetches");

		// everything else under /api: refused
		b.deny(null, "/api", "/api/**");

		// API documentation: any user; other actuator endpoints: administrators
		b.authenticated(null, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");
		b.roles(null, Set.of(Role.ADMIN), "/actuator/**");

		// the pages of the web UI: like the reads
		b.read(null, "/**");
		return new AccessRules(b.rules);
	}

	List<Rule> all() {
		return rules;
	}

	/** The rule deciding this request (the first that matches). */
	Optional<Rule> ruleFor(HttpServletRequest request) {
		return rules.stream().filter(r -> r.matches(request)).findFirst();
	}

	private static final class Builder {
		private final List<Rule> rules = new ArrayList<>();

		void open(HttpMethod method, String... patterns) {
			add(method, Access.OPEN, Set.of(), patterns);
		}

		void read(HttpMethod method, String... patterns) {
			add(method, Access.READ, Set.of(), patterns);
		}

		void authenticated(HttpMethod method, String... patterns) {
			add(method, Access.AUTHENTICATED, Set.of(), patterns);
		}

		void roles(HttpMethod method, Set<Role> roles, String... patterns) {
			add(method, Access.ROLES, EnumSet.copyOf(roles), patterns);
		}

		void deny(HttpMethod method, String... patterns) {
			add(method, Access.DENY, Set.of(), patterns);
		}

		/** A rule for GET is one for HEAD too: the same answer without its body. */
		private void add(HttpMethod method, Access access, Set<Role> roles, String... patterns) {
			for (String pattern : patterns) {
				RequestMatcher matcher = method == null ? PATHS.matcher(pattern) : PATHS.matcher(method, pattern);
				rules.add(new Rule(method, pattern, access, Set.copyOf(roles), matcher));
				if (HttpMethod.GET.equals(method)) {
					rules.add(new Rule(HttpMethod.HEAD, pattern, access, Set.copyOf(roles),
							PATHS.matcher(HttpMethod.HEAD, pattern)));
				}
			}
		}
	}
}
