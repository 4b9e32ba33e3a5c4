/**
 * HTTP API of the facility module ({@code /api/facilities}), and {@link org.pipelinetracker.facility.web.FacilityReservations},
 * the door the project write path uses to reserve and release a facility's headroom.
 */
package org.pipelinetracker.facility.web;
