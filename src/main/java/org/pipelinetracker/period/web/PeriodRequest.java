package org.pipelinetracker.period.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why a period is closed (optional) or reopened (required). */
record PeriodRequest(@Schema(description = "Why; required to reopen", maxLength = 2000) String reason) {
}
