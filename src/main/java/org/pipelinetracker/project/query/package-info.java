/**
 * Read side of the project module: the project-status projection, and the queries other modules may ask (a project
 * now, as of a date or as known at an instant; pages of summaries). The IATI export reads the portfolio here.
 */
@NamedInterface("query")
package org.pipelinetracker.project.query;

import org.springframework.modulith.NamedInterface;
