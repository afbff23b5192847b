// Starts Swagger UI on /api/docs/. It is a served file, not an inline <script>, so the docs page's
// Content-Security-Policy can allow scripts from its own origin only (src/http/security-headers.ts).
// The document's URL comes from the page, so this file never changes with the routes.
const root = document.getElementById('swagger-ui');
window.ui = window.SwaggerUIBundle({ url: root.dataset.url, domNode: root, deepLinking: true });
