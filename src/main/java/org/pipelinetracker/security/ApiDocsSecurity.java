package org.pipelinetracker.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the OpenAPI document (and Swagger UI's "Authorize" button) how to authenticate: HTTP Basic, or a bearer JWT
 * when a resource server is configured. Swagger UI sends the CSRF header itself ({@code springdoc.swagger-ui.csrf.enabled}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

	static final String BASIC = "basic";
	static final String BEARER = "bearer";

	@Bean
	OpenApiCustomizer securitySchemes() {
		return (OpenAPI api) -> {
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic").description("A configured user (demo users: recorder, finance, auditor, admin)."));
			api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer").bearerFormat("JWT")
					.description("A JWT of the configured OIDC issuer (only when a resource server is configured)."));
			api.addSecurityItem(new SecurityRequirement().addList(BASIC));
			api.addSecurityItem(new SecurityRequirement().addList(BEARER));
		};
	}
}
