package org.pipelinetracker.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET/PUT /api/me/notification-settings}: whether the signed-in user gets e-mail, at which address, and which
 * kinds they are told of. Until they choose: every kind, no e-mail. A PUT may set any of the three (a missing one
 * keeps what was stored); an address that is not one, e-mail on without an address, or an unknown kind is a 400
 * problem naming the field, and nothing is stored.
 */
@RestController
class NotificationSettingsController {

	static final int MAX_ADDRESS = 320;
	/** One address, local part and a domain with a dot, nothing else (no name, no list). */
	private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>(),;:\"\\[\\]]+@[^@\\s<>(),;:\"\\[\\]]+\\.[^@\\s<>(),;:\"\\[\\].]+");

	private final NotificationSettings settings;
	private final NotificationMailer mailer;

	NotificationSettingsController(NotificationSettings settings, NotificationMailer mailer) {
		this.settings = settings;
		this.mailer = mailer;
	}

	/**
	 * @param email          whether notifications are also sent by e-mail
	 * @param address        the e-mail address, or null
	 * @param kinds          the kinds the user is told of: {@code MILESTONE_OVERDUE}, {@code PROJECT_STALLED}, {@code APPROVAL_WAITING}
	 * @param emailAvailable whether this server can send e-mail at all (SMTP configured)
	 */
	record SettingsView(Boolean email, String address, List<String> kinds, Boolean emailAvailable) {
	}

	@GetMapping(path = "/api/me/notification-settings", produces = "application/json")
	SettingsView get(Principal user) {
		return view(settings.find(user.getName()));
	}

	@PutMapping(path = "/api/me/notification-settings", consumes = "application/json", produces = "application/json")
	SettingsView put(Principal user, @RequestBody SettingsView chosen) {
		NotificationSettings.Setting stored = settings.find(user.getName());
		Violations violations = new Violations();
		String address = chosen.address() == null ? stored.address() : chosen.address().strip();
		if (address != null && address.isEmpty()) {
			address = null;
		}
		if (chosen.address() != null && address != null) {
			violations.check(validAddress(address), "address",
					Text.of("problem.field.emailAddressInvalid").with("address", address));
		}
		boolean email = chosen.email() == null ? stored.email() : chosen.email();
		if (email && address == null) {
			violations.add("address", Text.of("problem.field.emailAddressNeeded"));
		}
		Set<NotificationKind> kinds = stored.kinds();
		if (chosen.kinds() != null) {
			kinds = EnumSet.noneOf(NotificationKind.class);
			for (String name : chosen.kinds()) {
				Optional<NotificationKind> kind = NotificationKind.parse(name);
				if (kind.isEmpty()) {
					violations.add("kinds", Text.of("problem.field.notificationKindUnknown").with("kind", name)
							.with("kinds", Arrays.toString(NotificationKind.values())));
				}
				else {
					kinds.add(kind.get());
				}
			}
		}
		violations.throwIfAny();
		return view(settings.save(user.getName(), new NotificationSettings.Setting(email, address, kinds)));
	}

	static boolean validAddress(String address) {
		if (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches()) {
			return false;
		}
		try {
			new InternetAddress(address, true).validate();
			return true;
		}
		catch (AddressException e) {
			return false;
		}
	}

	private SettingsView view(NotificationSettings.Setting setting) {
		return new SettingsView(setting.email(), setting.address(),
				setting.kinds().stream().sorted().map(Enum::name).toList(), mailer.configured());
	}
}
