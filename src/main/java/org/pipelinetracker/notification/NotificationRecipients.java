package org.pipelinetracker.notification;

import org.pipelinetracker.kernel.UserDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is told of an occurrence: every configured user with a role that can act on it, unless they turned its kind off
 * in their settings. A milestone overdue or a project stalled: recorders (they record milestones and stages),
 * finance (they commit and disburse what a stall waits for) and administrators. Auditors read; they are not told.
 * An approval waiting: finance and approvers (who may approve it), never the user who submitted the entry.
 */
@Component
class NotificationRecipients {

	static final Map<NotificationKind, Set<String>> ROLES_TOLD = new EnumMap<>(Map.of(
			NotificationKind.MILESTONE_OVERDUE, Set.of("RECORDER", "FINANCE", "ADMIN"),
			NotificationKind.PROJECT_STALLED, Set.of("RECORDER", "FINANCE", "ADMIN"),
			NotificationKind.APPROVAL_WAITING, Set.of("FINANCE", "APPROVER"),
			NotificationKind.QUARTERLY_REPORT_MISSING, Set.of("FINANCE", "ADMIN")));

	private final ObjectProvider<UserDirectory> directory;
	private final NotificationSettings settings;

	NotificationRecipients(ObjectProvider<UserDirectory> directory, NotificationSettings settings) {
		this.directory = directory;
		this.settings = settings;
	}

	/** The users to tell of this occurrence, in the order they are configured: not the one who caused it. */
	List<String> of(Occurrence occurrence) {
		return of(occurrence.kind()).stream().filter(name -> !name.equals(occurrence.notTold())).toList();
	}

	/** The users to tell of an occurrence of this kind, in the order they are configured. */
	List<String> of(NotificationKind kind) {
		UserDirectory users = directory.getIfAvailable();
		if (users == null) {
			return List.of();
		}
		Set<String> roles = ROLES_TOLD.getOrDefault(kind, Set.of());
		return users.users().stream().filter(u -> u.roles().stream().anyMatch(roles::contains))
				.map(UserDirectory.DirectoryUser::username)
				.filter(name -> settings.find(name).kinds().contains(kind)).toList();
	}
}
