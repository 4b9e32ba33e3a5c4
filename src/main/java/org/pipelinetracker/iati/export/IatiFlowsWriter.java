package org.pipelinetracker.iati.export;

import org.pipelinetracker.iati.conventions.Extension;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectPlanLines.BudgetLine;
import org.pipelinetracker.project.query.ProjectPlanLines.PlannedDisbursementLine;
import org.pipelinetracker.project.query.ProjectView.FundingView;

import javax.xml.stream.XMLStreamException;
import java.time.LocalDate;

/**
 * The money of an activity in IATI 2.03: its current budgets and planned disbursements (our funding id and the date
 * a plan was recorded in {@code pt:} attributes, so the import restores it exactly) and its transactions (see
 * {@link MoneyFlow}), in the schema's element order. Part of {@link IatiActivitiesWriter}.
 */
final class IatiFlowsWriter {

	private final IatiXml xml;
	private final IatiLoanTermsWriter loans;

	IatiFlowsWriter(IatiXml xml) {
		this.xml = xml;
		this.loans = new IatiLoanTermsWriter(xml);
	}

	/**
	 * A current budget (the latest revision of its period), with its commitment and the day it was known as
	 * {@code pt:} attributes; {@code value-date}, required by IATI, is the period's start when none was given.
	 */
	void budget(BudgetLine b) throws XMLStreamException {
		xml.start("budget");
		xml.writeAttribute("type", b.type());
		xml.writeAttribute("status", b.status());
		planExtensions(b.fundingId(), b.recordedOn());
		xml.empty("period-start", "iso-date", b.periodStart().toString());
		xml.empty("period-end", "iso-date", b.periodEnd().toString());
		planValue(b.value(), b.valueDate() != null ? b.valueDate() : b.periodStart());
		xml.end();
	}

	/** A current planned disbursement, as {@link #budget}; its provider and receiver by name. */
	void plannedDisbursement(PlannedDisbursementLine p) throws XMLStreamException {
		xml.start("planned-disbursement");
		xml.attribute("type", p.type());
		planExtensions(p.fundingId(), p.recordedOn());
		xml.empty("period-start", "iso-date", p.periodStart().toString());
		if (p.periodEnd() != null) {
			xml.empty("period-end", "iso-date", p.periodEnd().toString());
		}
		planValue(p.value(), p.valueDate() != null ? p.valueDate() : p.periodStart());
		if (p.provider() != null && !p.provider().isBlank()) {
			xml.start("provider-org");
			xml.narrative(p.provider());
			xml.end();
		}
		if (p.receiver() != null && !p.receiver().isBlank()) {
			xml.start("receiver-org");
			xml.narrative(p.receiver());
			xml.end();
		}
		xml.end();
	}

	private void planExtensions(String fundingId, LocalDate recordedOn) throws XMLStreamException {
		if (fundingId != null) {
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.FUNDING_ID, fundingId);
		}
		xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.RECORDED_ON, recordedOn.toString());
	}

	private void planValue(Money value, LocalDate valueDate) throws XMLStreamException {
		xml.start("value");
		xml.writeAttribute("currency", value.currency());
		xml.writeAttribute("value-date", valueDate.toString());
		xml.writeCharacters(value.amount().toPlainString());
		xml.end();
	}

	void transaction(MoneyFlow flow) throws XMLStreamException {
		FundingView f = flow.funding();
		boolean ofFunding = flow.ofFunding();
		xml.start("transaction");
		if (f != null) {
			xml.writeAttribute("ref", f.fundingId);
		}
		if (ofFunding && f.source != null) {
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.SOURCE, f.source.name());
		}
		if (ofFunding && f.instrument != null) {
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.INSTRUMENT, f.instrument.name());
		}
		if (flow.kind() == MoneyFlow.Kind.CANCELLATION) {
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, Extension.MOVEMENT, Extension.CANCELLATION);
		}
		if (flow.kind() == MoneyFlow.Kind.COMMITMENT) {
			loans.extensions(f);
		}
		xml.empty("transaction-type", "code", flow.transactionType());
		xml.empty("transaction-date", "iso-date", flow.valueDate().toString());
		xml.start("value");
		xml.writeAttribute("currency", flow.amount().currency());
		xml.writeAttribute("value-date", flow.valueDate().toString());
		xml.writeCharacters(flow.amount().amount().toPlainString());
		xml.end();
		if (flow.description() != null && !flow.description().isBlank()) {
			xml.start("description");
			xml.narrative(flow.description());
			xml.end();
		}
		if (flow.provider() != null && !flow.provider().isBlank()) {
			xml.start("provider-org");
			xml.narrative(flow.provider());
			xml.end();
		}
		if (flow.receiver() != null && !flow.receiver().isBlank()) {
			xml.start("receiver-org");
			xml.narrative(flow.receiver());
			xml.end();
		}
		if (ofFunding && f.flowType != null) {
			xml.empty("flow-type", "code", f.flowType);
		}
		if (ofFunding && f.financeType != null) {
			xml.empty("finance-type", "code", f.financeType);
		}
		xml.end();
	}
}
