/**
 * Read side of the facility module: the facility-usage projection and the queries it answers.
 */
package org.pipelinetracker.facility.query;
