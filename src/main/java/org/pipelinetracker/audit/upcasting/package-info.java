/**
 * Schema evolution of stored events: one upcaster per change of an event's shape, registered as a Spring bean so
 * Axon applies it wherever events are read (aggregate loading, event processors, the audit trail).
 * <p>
 * Revisions ({@code @Revision} on the event, {@code payload_revision} in {@code domain_event_entry}):
 * <table>
 * <caption>Event revisions</caption>
 * <tr><th>Event</th><th>Revision</th><th>Shape</th><th>Upcaster</th></tr>
 * <tr><td>{@code FundingCommittedEvent}</td><td>none (null)</td><td>written before the revision was introduced:
 * without {@code facilityId} (before credit facilities), or with it (between credit facilities and the
 * revision)</td><td>{@link org.pipelinetracker.audit.upcasting.FundingCommittedEventUpcaster}: to "2"</td></tr>
 * <tr><td>{@code FundingCommittedEvent}</td><td>"2"</td><td>{@code facilityId} always present (null when the
 * commitment draws on no facility)</td><td>current</td></tr>
 * <tr><td>{@code ProjectProposedEvent}</td><td>none (null)</td><td>written before texts had a language: without
 * {@code language} (the title and description were English)</td><td>{@link
 * org.pipelinetracker.audit.upcasting.ProjectProposedEventUpcaster}: to "2", {@code "language": "en"}</td></tr>
 * <tr><td>{@code ProjectProposedEvent}</td><td>"2"</td><td>{@code language} always present (a BCP 47 tag);
 * partners with name, country and role only</td><td>{@link org.pipelinetracker.audit.upcasting.ProposedPartnersUpcaster}:
 * to "3", each partner with {@code ref}, {@code type}, {@code activityId}, {@code crsChannelCode} null and
 * {@code names} empty</td></tr>
 * <tr><td>{@code ProjectProposedEvent}</td><td>"3"</td><td>partners as IATI's {@code participating-org}: name, role,
 * optional country, ref, type, names by language, activity id, CRS channel code</td><td>current</td></tr>
 * <tr><td>{@code AgreementSignedEvent}</td><td>none (null)</td><td>written before documents were kept: without
 * {@code documentId}</td><td>{@link org.pipelinetracker.audit.upcasting.AgreementSignedEventUpcaster}: to "2",
 * {@code "documentId": null}</td></tr>
 * <tr><td>{@code AgreementSignedEvent}</td><td>"2"</td><td>{@code documentId} always present (null when the
 * agreement names no kept document)</td><td>current</td></tr>
 * <tr><td>{@code ProjectStalledEvent}</td><td>none (null)</td><td>written before stall checks judged in valid time:
 * without {@code resolvedOn}</td><td>{@link org.pipelinetracker.audit.upcasting.ProjectStalledEventUpcaster}: to
 * "2"</td></tr>
 * <tr><td>{@code ProjectStalledEvent}</td><td>"2"</td><td>{@code resolvedOn} always present (null unless facts
 * already recorded at the check ended the stall)</td><td>current</td></tr>
 * </table>
 * Upcasters of the same event run in the order of their {@code @Order}, so each step starts from the shape the one
 * before gives. Every other event has no revision and has not changed shape.
 */
package org.pipelinetracker.audit.upcasting;
