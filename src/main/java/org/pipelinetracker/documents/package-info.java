/**
 * Documents: files uploaded to a project (PDF, images, office documents, up to {@code tracker.documents.max-size}),
 * stored in the database content-addressed by SHA-256 ({@code document_content}, one row per distinct content), with
 * the media type detected from the bytes (Apache Tika), listed together with the documents an IATI import linked, and
 * served only while their bytes still match the hash the event recorded. The upload appends
 * {@link org.pipelinetracker.project.api.DocumentAttachedEvent} through the project aggregate, in the same transaction
 * as the stored bytes. {@link org.pipelinetracker.documents.StoredFiles} lets the audit check every stored file.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {"kernel", "http", "project :: api"})
package org.pipelinetracker.documents;

import org.springframework.modulith.ApplicationModule;
