package org.pipelinetracker.postgres;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points a Spring context at a fresh database {@code ctx_<n>} of the one embedded PostgreSQL server of the JVM
 * ({@link EmbeddedPostgresServer}). Registered for every Spring Boot application of the tests
 * (src/test/resources/META-INF/spring.factories) but acting only when {@value #ENABLED} is true, which test profile
 * {@code pg} sets (src/test/resources/application-pg.properties): so any {@code @SpringBootTest} runs on PostgreSQL with
 * {@code @ActiveProfiles({"test", "pg"})}, or unchanged with the system property {@code spring.profiles.include=pg}
 * (the second surefire execution in pom.xml).
 * <p>
 * The settings go in as {@code DB_URL}, {@code DB_USER} and {@code DB_PASSWORD}, which is how profile
 * {@code postgres} (src/main/resources/application-postgres.properties) is configured in production, and, ahead of
 * every other property source, as {@code spring.datasource.*} too, so that the H2 URL of application-test.properties
 * cannot win, whatever the order of the active profiles. Profile {@code postgres} is applied as well when it is not
 * active (its file is added behind these settings and behind the test's own properties), so {@code pg} alone is
 * enough.
 * <p>
 * Spring Boot builds its usual Hikari pool over the URL. A bean registered here, before any other, is destroyed
 * after all of them, that is after the pool has closed; it tells the server that this context no longer needs it.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The switch, set by test profile {@code pg}. */
	public static final String ENABLED = "tracker.test.embedded-postgres";

	static final String PROPERTY_SOURCE = "embeddedPostgres";

	static final String POSTGRES_PROFILE = "postgres";

	/**
	 * Where profile {@code postgres}'s file goes: behind these settings and behind a test's own properties
	 * ({@code @SpringBootTest(properties = …)}, command-line arguments), so that a test that sets one of that
	 * profile's properties gets its own value, as it would with the profile active.
	 */
	private static String behindTestsOwn(MutablePropertySources sources) {
		String behind = PROPERTY_SOURCE;
		for (String own : List.of(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
				CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
			PropertySource<?> source = sources.get(own);
			if (source != null && sources.precedenceOf(source) > sources.precedenceOf(sources.get(behind))) {
				behind = own;
			}
		}
		return behind;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty(ENABLED, Boolean.class, false)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		String database = EmbeddedPostgresServer.createDatabase();
		String url = EmbeddedPostgresServer.jdbcUrl(database);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("DB_URL", url);
		settings.put("DB_USER", EmbeddedPostgresServer.USER);
		settings.put("DB_PASSWORD", "");
		settings.put("spring.datasource.url", url);
		settings.put("spring.datasource.username", EmbeddedPostgresServer.USER);
		settings.put("spring.datasource.password", "");
		settings.put("tracker.test.postgres.database", database);
		// profile postgres turns the demo users off; the tests keep them (Api signs in as admin by default)
		settings.put("tracker.security.demo-users", "true");
		// profile postgres requires four-eyes approval of money; the tests keep what they set (none by default)
		settings.put("tracker.approvals.required-for", environment.getProperty("tracker.approvals.required-for", ""));
		MutablePropertySources sources = environment.getPropertySources();
		sources.addFirst(new MapPropertySource(PROPERTY_SOURCE, settings));
		if (!environment.matchesProfiles(POSTGRES_PROFILE)) {
			try {
				sources.addAfter(behindTestsOwn(sources), new ResourcePropertySource(
						"profile " + POSTGRES_PROFILE, "classpath:application-" + POSTGRES_PROFILE + ".properties"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		DisposableBean release = EmbeddedPostgresServer::release;
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean("embeddedPostgresRelease", release);
		}
		else {
			context.addApplicationListener(event -> {
				if (event instanceof org.springframework.context.event.ContextClosedEvent) {
					EmbeddedPostgresServer.release();
				}
			});
		}
	}
}
