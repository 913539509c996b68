package com.mcpregistry.http.shared;

import io.javalin.http.HandlerType;
import io.javalin.http.util.MethodNotAllowedUtil;
import io.javalin.router.InternalRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods a path answers, for the {@code Allow} header of a {@code 405} (RFC 9110 §15.5.6): those its routes
 * declare, {@code HEAD} wherever there is a {@code GET} (Javalin answers it with the GET route), and
 * {@code OPTIONS} on every path when the seed API answers CORS preflights (its CORS rule answers every OPTIONS).
 */
public final class AllowedMethods {
    /** The order the header lists them in. */
    private static final List<HandlerType> ORDER = List.of(
            HandlerType.GET,
            HandlerType.HEAD,
            HandlerType.POST,
            HandlerType.PUT,
            HandlerType.PATCH,
            HandlerType.DELETE,
            HandlerType.QUERY,
            HandlerType.OPTIONS);

    private final boolean preflightEverywhere;
    private volatile InternalRouter router;

    public AllowedMethods(boolean preflightEverywhere) {
        this.preflightEverywhere = preflightEverywhere;
    }

    /** The router to read the routes from, once the app is built. */
    public void useRouter(InternalRouter router) {
        this.router = router;
    }

    /** E.g. {@code GET, HEAD, POST}; empty when no route serves the path. */
    public List<String> of(String path) {
        List<HandlerType> declared =
                router == null ? List.of() : MethodNotAllowedUtil.INSTANCE.findAvailableHttpHandlerTypes(router, path);
        List<String> allowed = new ArrayList<>();
        for (HandlerType method : ORDER) {
            boolean answered = declared.contains(method)
                    || (method.equals(HandlerType.HEAD) && declared.contains(HandlerType.GET))
                    || (method.equals(HandlerType.OPTIONS) && preflightEverywhere && !declared.isEmpty());
            if (answered) {
                allowed.add(method.name());
            }
        }
        return allowed;
    }
}
