/**
 * HTTP API of the facility module ({@code /api/facilities}): the controller that hands each request to the use cases
 * of {@code facility.app} and answers from {@code facility.query}. Internal to the module.
 */
package org.pipelinetracker.facility.web;
