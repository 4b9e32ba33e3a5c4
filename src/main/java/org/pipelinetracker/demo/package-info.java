/**
 * Demo data: the real Korea–Uzbekistan projects from the seed articles, loaded through the normal write path.
 */
package org.pipelinetracker.demo;
