/**
 * HTTP API of the project module, and the JSON request language it shares with the demo-data loader.
 */
package org.pipelinetracker.project.web;
