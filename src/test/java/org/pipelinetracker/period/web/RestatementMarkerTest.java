package org.pipelinetracker.period.web;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The restatement header: who may send it, and how its reason is read. */
class RestatementMarkerTest {

	@Test
	void noHeaderIsNoRestatement() {
		assertThat(RestatementMarker.reason(request("RECORDER", null))).isNull();
	}

	@Test
	void financeAndAdminRestateWithTheReasonTrimmed() {
		assertThat(RestatementMarker.reason(request("FINANCE", "  Late invoice from Eximbank "))).isEqualTo(
				"Late invoice from Eximbank");
		assertThat(RestatementMarker.reason(request("ADMIN", "Corrected file"))).isEqualTo("Corrected file");
	}

	@Test
	void aReasonThatIsNotAsciiIsSentPercentEncodedUtf8() {
		// "Поздний счёт" (late invoice) and a plus sign, which stays one
		String header = "%D0%9F%D0%BE%D0%B7%D0%B4%D0%BD%D0%B8%D0%B9%20%D1%81%D1%87%D1%91%D1%82 +1";
		assertThat(RestatementMarker.reason(request("FINANCE", header))).isEqualTo("Поздний счёт +1");
	}

	@Test
	void aBlankTooLongOrBrokenReasonIsA400OnTheHeader() {
		for (String header : new String[] {"   ", "x".repeat(501), "%D0%", "%FF%FE"}) {
			assertThatThrownBy(() -> RestatementMarker.reason(request("FINANCE", header)))
					.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations().get(0).field())
							.isEqualTo("X-Restatement-Reason"));
		}
		assertThat(RestatementMarker.reason(request("FINANCE", "x".repeat(500)))).hasSize(500);
	}

	@Test
	void aRecorderOrAuditorMayNotRestate() {
		for (String role : new String[] {"RECORDER", "AUDITOR"}) {
			assertThatThrownBy(() -> RestatementMarker.reason(request(role, "Late")))
					.hasMessageContaining("Only FINANCE or ADMIN may mark a write as a restatement");
		}
	}

	private static MockHttpServletRequest request(String role, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects/P-1/disbursements");
		request.addUserRole(role);
		if (header != null) {
			request.addHeader(RestatementMarker.HEADER, header);
		}
		return request;
	}
}
