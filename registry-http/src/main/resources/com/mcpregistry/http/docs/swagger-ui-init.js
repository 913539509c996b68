// Starts Swagger UI on this registry's own document. The base layout has no box for loading other documents,
// query-string configuration stays off (the default) and the online validator badge is disabled, so the page
// talks to this server only.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
