/**
 * HTTP API of the facility module ({@code /api/facilities}): controllers and the mapping of requests and answers.
 */
package org.pipelinetracker.facility.web;
