package io.camelksm.springboot.security;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The SecurityContext that Spring Security's filter chain keeps as an attribute of the servlet request. Its own class,
 * so that the resolver loads the servlet API only where it is present.
 */
final class ServletRequestSecurityContext {

    /** The header in which Camel's servlet-based HTTP consumers (platform-http, servlet) carry the request. */
    static final String SERVLET_REQUEST_HEADER = "CamelHttpServletRequest";

    private ServletRequestSecurityContext() {
    }

    /**
     * The context stored on the exchange's servlet request, or null. Only a real request object counts: text that came
     * with the message under that header name is ignored, and so is an attribute that is not a SecurityContext.
     */
    static SecurityContext of(Exchange exchange) {
        Object request = exchange.getMessage().getHeader(SERVLET_REQUEST_HEADER);
        if (!(request instanceof HttpServletRequest servletRequest)) {
            return null;
        }
        Object context = servletRequest.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        return context instanceof SecurityContext securityContext ? securityContext : null;
    }
}
