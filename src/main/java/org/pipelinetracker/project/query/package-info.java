/**
 * Read side of the project module: the project-status projection and the queries it answers.
 */
package org.pipelinetracker.project.query;
