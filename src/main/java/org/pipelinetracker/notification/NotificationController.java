package org.pipelinetracker.notification;

import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.i18n.PreferredLanguages;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The signed-in user's notifications ({@code /api/notifications}): newest first, paged, with how many are unread;
 * mark one or all read. Another user's notification is a 404, as one that does not exist. Texts are written in the
 * reader's language: the one they chose, else {@code Accept-Language}'s.
 */
@RestController
@RequestMapping(path = "/api/notifications", produces = "application/json")
class NotificationController {

	static final int MAX_SIZE = 100;

	private final Notifications notifications;
	private final NotificationTexts texts;
	private final PreferredLanguages languages;
	private final Clock clock;

	NotificationController(Notifications notifications, NotificationTexts texts, PreferredLanguages languages,
			Clock clock) {
		this.notifications = notifications;
		this.texts = texts;
		this.languages = languages;
		this.clock = clock;
	}

	/**
	 * One notification.
	 *
	 * @param id           its id
	 * @param kind         {@code MILESTONE_OVERDUE}, {@code PROJECT_STALLED}, {@code APPROVAL_WAITING} or
	 *                     {@code QUARTERLY_REPORT_MISSING}
	 * @param kindName     the kind's name in the reader's language
	 * @param projectId    the project it is about
	 * @param projectTitle the project's title when it was notified
	 * @param text         what happened, in the reader's language
	 * @param parts        the same text in parts, those that are people's own data (a project's title, a funder's
	 *                     or a person's name, as they wrote it) marked {@code data}
	 * @param link         the project's page (the funding page for a missing quarterly report)
	 * @param createdAt    when it was notified
	 * @param readAt       when the reader marked it read, or null (unread)
	 * @param email        the e-mail: {@code NONE}, {@code PENDING}, {@code SENT} or {@code FAILED}
	 */
	record NotificationView(String id, String kind, String kindName, String projectId, String projectTitle, String text,
			List<NotificationTexts.Part> parts, String link, Instant createdAt, Instant readAt, String email) {
	}

	/**
	 * A page of the reader's notifications.
	 *
	 * @param unread how many of all the reader's notifications are unread
	 * @param total  how many the reader has
	 * @param page   this page's number (from 0)
	 * @param size   the page size
	 * @param items  this page's notifications, newest first
	 */
	record NotificationPage(long unread, long total, int page, int size, List<NotificationView> items) {
	}

	/**
	 * @param marked how many were marked read now
	 * @param unread how many are unread after it (0)
	 */
	record MarkedRead(int marked, long unread) {
	}

	@GetMapping
	NotificationPage mine(Principal user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		Violations violations = new Violations();
		violations.check(page >= 0, "page", Text.of("problem.field.min").with("value", 0));
		violations.check(size >= 1 && size <= MAX_SIZE, "size", Text.of("problem.field.size").with("min", 1)
				.with("max", MAX_SIZE));
		violations.throwIfAny();
		String reader = user.getName();
		String language = languages.languageOf(reader, acceptLanguage);
		List<NotificationView> items = notifications.page(reader, page, size).stream()
				.map(n -> view(n, language)).toList();
		return new NotificationPage(notifications.unread(reader), notifications.count(reader), page, size, items);
	}

	@PostMapping("/{id}/read")
	NotificationView read(Principal user, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
		String reader = user.getName();
		if (!notifications.markRead(id, reader, clock.instant())) {
			throw Problems.of(Kind.NOTIFICATION_NOT_FOUND, id).exception();
		}
		return view(notifications.find(id, reader).orElseThrow(), languages.languageOf(reader, acceptLanguage));
	}

	@PostMapping("/read-all")
	MarkedRead readAll(Principal user) {
		int marked = notifications.markAllRead(user.getName(), clock.instant());
		return new MarkedRead(marked, notifications.unread(user.getName()));
	}

	/** The page to open: the project's, or the funding page's reporting status for a missing quarterly report. */
	private static String link(Notifications.Stored n) {
		if (n.projectId() != null) {
			return "/#/projects/" + n.projectId();
		}
		return n.kind() == NotificationKind.QUARTERLY_REPORT_MISSING ? "/#/funding" : null;
	}

	private NotificationView view(Notifications.Stored n, String language) {
		List<NotificationTexts.Part> parts = texts.written(n, language);
		String text = parts.stream().map(NotificationTexts.Part::text).collect(Collectors.joining());
		return new NotificationView(n.id(), n.kind().name(), texts.kind(n.kind(), language), n.projectId(),
				n.projectTitle(), text, parts, link(n), n.createdAt(), n.readAt(), n.emailState().name());
	}
}
