package org.pipelinetracker.project.web;

import org.pipelinetracker.project.app.WriteResult;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A successful write answers the project's new version as its {@code ETag}, ready for the next {@code If-Match}.
 */
@ControllerAdvice(assignableTypes = ProjectController.class)
class WriteETagAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof WriteResult result && response.getHeaders().getETag() == null) {
			response.getHeaders().setETag("\"" + result.version() + "\"");
		}
		return body;
	}
}
