/** The HTTP ingress (Streamable HTTP for both eras, plus legacy HTTP+SSE). */
export { createHttpIngress } from './http-ingress.js';
export type { HttpIngress, HttpIngressDeps, RouteHandler } from './http-ingress.js';
export type { IngressSettings } from './context.js';
