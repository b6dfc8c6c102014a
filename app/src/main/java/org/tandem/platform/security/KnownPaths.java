package org.tandem.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a request names a page or endpoint the application has. A signed-out visitor who
 * mistypes a URL must get "not found", not a sign-in form that promises a page behind it.
 * Only controller mappings count: the static-resource handler matches every path.
 */
@Component
class KnownPaths {

    private final ApplicationContext context;
    private volatile List<RequestMappingInfoHandlerMapping> mappings;

    KnownPaths(ApplicationContext context) {
        this.context = context;
    }

    boolean exists(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            for (RequestMappingInfoHandlerMapping m : mappings()) {
                try {
                    if (m.getHandler(request) != null) {
                        return true;
                    }
                } catch (Exception wrongMethodOrMediaType) {
                    // The path exists; only the method or content type is wrong.
                    return true;
                }
            }
            return false;
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
            request.removeAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
            request.removeAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        }
    }

    // Looked up at the first request, not injected: the web MVC mappings are created after security.
    private List<RequestMappingInfoHandlerMapping> mappings() {
        if (mappings == null) {
            mappings = List.copyOf(context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values());
        }
        return mappings;
    }
}
