package org.pipelinetracker.http;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.pipelinetracker.i18n.Languages;
import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.PlainText;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.annotation.ElementType;
import java.util.Locale;

/**
 * Bean Validation's messages come from the message catalogue: a constraint's message names a key
 * ({@code message = "{problem.field.id}"}), and the standard constraints with their default message ({@code @NotNull},
 * {@code @Size}, ...) have theirs ({@code problem.field.notNull}, ...; {@link Violations#textOf}). A violation's
 * message is the English unless a locale is asked for; the problem answers write the reason in the caller's language.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfig {

	/** Static: the validator is built early, before most beans; the catalogue is looked up only when a message is. */
	@Bean
	static ValidationConfigurationCustomizer catalogueMessages(ObjectProvider<Translations> translations) {
		return configuration -> configuration.messageInterpolator(
				new CatalogueMessageInterpolator(configuration.getDefaultMessageInterpolator(), translations));
	}

	/**
	 * {@code @NotBlank} means "shows something": a text of only spaces of any kind (U+00A0 too), control or format
	 * characters (a zero-width space, a direction mark) is blank, as one of ASCII spaces always was.
	 */
	@Bean
	static ValidationConfigurationCustomizer visibleText() {
		return configuration -> {
			if (configuration instanceof HibernateValidatorConfiguration hibernate) {
				ConstraintMapping mapping = hibernate.createConstraintMapping();
				mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
						.validatedBy(VisibleText.class);
				hibernate.addMapping(mapping);
			}
		};
	}

	/**
	 * Every property is reachable and cascadable. With JPA on the class path, Hibernate Validator's default asks JPA
	 * whether each property of each validated object is loaded (a look-up through every persistence provider); the
	 * objects this validator checks are request bodies, never JPA entities (this application maps none of its own, and
	 * Axon's carry no constraints).
	 * Measured: about 2% of the request threads' CPU in a profile of the benchmark's HTTP commands.
	 */
	@Bean
	static ValidationConfigurationCustomizer everyPropertyReachable() {
		return configuration -> configuration.traversableResolver(new EveryPropertyReachable());
	}

	/** A traversable resolver for objects that are not JPA entities. */
	static final class EveryPropertyReachable implements TraversableResolver {

		@Override
		public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
				ElementType elementType) {
			return true;
		}

		@Override
		public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
				ElementType elementType) {
			return true;
		}
	}

	/** {@code @NotBlank}: not null, and not {@link PlainText#isBlank blank}. */
	public static final class VisibleText implements ConstraintValidator<NotBlank, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return !PlainText.isBlank(value);
		}
	}

	/** The catalogue's text of a constraint's message; a message that is not a catalogue text is Bean Validation's own. */
	static final class CatalogueMessageInterpolator implements MessageInterpolator {

		private final MessageInterpolator standard;
		private final ObjectProvider<Translations> translations;

		CatalogueMessageInterpolator(MessageInterpolator standard, ObjectProvider<Translations> translations) {
			this.standard = standard;
			this.translations = translations;
		}

		@Override
		public String interpolate(String template, Context context) {
			return interpolate(template, context, Locale.ENGLISH);
		}

		@Override
		public String interpolate(String template, Context context, Locale locale) {
			Text text = Violations.textOf(template, context.getConstraintDescriptor(), null);
			if (text.key() == null) {
				return standard.interpolate(template, context, locale);
			}
			String language = Languages.resolve(locale == null ? null : locale.toLanguageTag(), null);
			Translations catalogue = language.equals(Languages.DEFAULT) ? null : translations.getIfAvailable();
			return catalogue == null ? text.english() : catalogue.render(text, language);
		}
	}
}
