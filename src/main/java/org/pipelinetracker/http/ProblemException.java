package org.pipelinetracker.http;

/** A problem thrown (see {@link Problem#exception()}); its message is the detail in English. */
public final class ProblemException extends RuntimeException {

	private final transient Problem problem;

	ProblemException(Problem problem) {
		super(problem.detailText(), null, false, false);
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}
}
