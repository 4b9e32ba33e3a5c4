package org.pipelinetracker.notification;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.kernel.UserDirectory;
import org.pipelinetracker.kernel.UserDirectory.DirectoryUser;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told, without Spring: the roles that can act, less those who left the kind out. */
class NotificationRecipientsTest {

	static final List<DirectoryUser> USERS = List.of(
			new DirectoryUser("amina", Set.of("RECORDER")),
			new DirectoryUser("bekzod", Set.of("FINANCE")),
			new DirectoryUser("chulpon", Set.of("AUDITOR")),
			new DirectoryUser("dilnoza", Set.of("ADMIN")),
			new DirectoryUser("eldor", Set.of("RECORDER", "FINANCE")),
			new DirectoryUser("farida", Set.of()));

	/** Settings in memory: eldor hears of stalls only. */
	static final class Settings extends NotificationSettings {
		Settings() {
			super(null);
		}

		@Override
		Setting find(String username) {
			return username.equals("eldor") ? new Setting(false, null, EnumSet.of(NotificationKind.PROJECT_STALLED))
					: Setting.DEFAULT;
		}
	}

	NotificationRecipients recipients(List<DirectoryUser> users) {
		UserDirectory directory = () -> users;
		return new NotificationRecipients(
				new StaticListableBeanFactory(Map.of("users", directory)).getBeanProvider(UserDirectory.class),
				new Settings());
	}

	@Test
	void tellsRecordersFinanceAndAdminsButNotAuditorsNorThoseWhoLeftTheKindOut() {
		NotificationRecipients policy = recipients(USERS);
		assertThat(policy.of(NotificationKind.PROJECT_STALLED)).containsExactly("amina", "bekzod", "dilnoza", "eldor");
		assertThat(policy.of(NotificationKind.MILESTONE_OVERDUE)).containsExactly("amina", "bekzod", "dilnoza");
	}

	@Test
	void tellsNobodyWithoutConfiguredUsers() {
		assertThat(recipients(List.of()).of(NotificationKind.PROJECT_STALLED)).isEmpty();
		NotificationRecipients withoutDirectory = new NotificationRecipients(
				new StaticListableBeanFactory().getBeanProvider(UserDirectory.class), new Settings());
		assertThat(withoutDirectory.of(NotificationKind.MILESTONE_OVERDUE)).isEmpty();
	}
}
