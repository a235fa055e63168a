import type { App } from '../../src/http/app.js';

export interface RegisteredRoute {
  method: string;
  /** Fastify's form: `/v1/messages/:id`. */
  url: string;
}

/**
 * Every route the app has registered, read from Fastify's own route tree (`printRoutes`), so a test
 * that sweeps over routes covers a new one without being told. HEAD routes Fastify adds for each GET
 * are left out.
 */
export function registeredRoutes(app: App): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const branch = line.indexOf('── ');
    if (branch < 0) continue;
    // Each level of the tree is drawn four characters wide ("│   " or "├── ").
    const depth = Math.floor(branch / 4);
    const match = /^(\S+)(?: \(([^)]*)\))?$/.exec(line.slice(branch + 3));
    if (!match) throw new Error(`unexpected line in the route tree: ${line}`);
    parents.length = depth;
    parents.push(match[1]!);
    const url = parents.join('');
    for (const method of (match[2] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}
