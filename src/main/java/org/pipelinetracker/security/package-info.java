/**
 * Who may do what: authentication (HTTP Basic, form login, optional OAuth2/OIDC JWT), the role rules of every
 * endpoint, CSRF, security headers, and {@code GET /api/me}. No other module depends on it: controllers take the
 * authenticated {@code java.security.Principal} as the actor.
 */
package org.pipelinetracker.security;
