/**
 * The project aggregate ({@code Project}: its command handlers, over the {@code ProjectState} its events built),
 * its entities ({@code Funding}, {@code Milestone}, {@code Period}) and the named policies it applies
 * ({@code StagePolicy}, {@code DatingPolicy}, {@code MoneyPolicy}, {@code StallChecks}): plain Java apart from
 * Axon's own annotations. What Spring and Jackson need to know about them is declared in
 * {@code ProjectCommandConfiguration}.
 */
package org.pipelinetracker.project.command;
