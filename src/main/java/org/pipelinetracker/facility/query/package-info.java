/**
 * Read side of the facility module: the facility-usage projection and the queries it answers. Internal to the module.
 */
package org.pipelinetracker.facility.query;
