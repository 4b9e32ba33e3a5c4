/**
 * Demo data: the real Korea–Uzbekistan projects from the seed articles, loaded through the public write path (the
 * use cases of the project and facility modules).
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"kernel", "messaging", "storage", "http", "project :: api", "project :: app", "facility :: api", "facility :: app"})
package org.pipelinetracker.demo;

import org.springframework.modulith.ApplicationModule;
