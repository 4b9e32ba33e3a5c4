/**
 * HTTP API of the project module ({@code /api/projects}): the controller that hands each request to the use cases of
 * {@code project.app} and answers from {@code project.query}, If-Match and ETags, and the problems of the project's
 * refusals (409 rule or duplicate, 404 unknown project, 412 stale version). Internal to the module.
 */
package org.pipelinetracker.project.web;
