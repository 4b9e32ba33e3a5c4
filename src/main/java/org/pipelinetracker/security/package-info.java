/**
 * Who may do what: authentication (HTTP Basic, form login, optional OAuth2/OIDC JWT), the role rules of every
 * endpoint, CSRF, security headers, and {@code GET /api/me}; refusals are the API's problems ({@code http}), in the
 * caller's language. The sign-in and sign-out pages ({@code GET /login}, {@code GET /logout}) are plain HTML in the
 * visitor's language ({@code i18n}). No module depends on it: controllers take the authenticated
 * {@code java.security.Principal} as the actor.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"http", "kernel", "i18n"})
package org.pipelinetracker.security;

import org.springframework.modulith.ApplicationModule;
