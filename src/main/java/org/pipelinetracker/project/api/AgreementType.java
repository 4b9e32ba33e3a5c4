package org.pipelinetracker.project.api;

/**
 * Kinds of agreement. An MOU is recorded but binds no one; the others are binding.
 */
public enum AgreementType {
	MOU(false), FRAMEWORK(true), LOAN(true), GRANT(true), CONTRACT(true);

	private final boolean binding;

	AgreementType(boolean binding) {
		this.binding = binding;
	}

	public boolean isBinding() {
		return binding;
	}
}
