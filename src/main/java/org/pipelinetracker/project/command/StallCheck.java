package org.pipelinetracker.project.command;

import java.time.LocalDate;

/**
 * The payload of a stalled-project deadline: the day it falls due and, for a disbursement check, the funding.
 */
record StallCheck(LocalDate dueOn, String fundingId, int days) {
}
