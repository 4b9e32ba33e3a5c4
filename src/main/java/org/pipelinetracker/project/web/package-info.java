/**
 * HTTP API of the project module: controllers, the mapping of requests and answers, If-Match and ETags, and the
 * problem answers of the project's own exceptions.
 */
package org.pipelinetracker.project.web;
