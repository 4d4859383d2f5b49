import type { RouteDefinition } from '../../../contract/connector-api/index.ts';

/** A path template and the methods it answers, as the `Allow` header lists them. */
type PathMethods = { readonly pattern: RegExp; readonly methods: ReadonlySet<string> };

/**
 * Build the lookup behind 405 answers: which methods a known path answers.
 *
 * A request to a path the service knows, with a method it does not answer there, is a 405
 * with `Allow` (RFC 9110 §15.5.6), not a 404 that suggests the path is wrong. GET implies
 * HEAD, as Fastify answers HEAD for every GET route.
 */
export function createAllowedMethods(routes: readonly Pick<RouteDefinition, 'method' | 'path'>[]): (path: string) => readonly string[] {
  const byTemplate = new Map<string, Set<string>>();
  for (const route of routes) {
    const methods = byTemplate.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
    byTemplate.set(route.path, methods);
  }
  const table: PathMethods[] = [...byTemplate].map(([template, methods]) => ({ pattern: patternOf(template), methods }));
  return (path) => {
    const found = table.find((entry) => entry.pattern.test(path));
    return found ? [...found.methods].sort() : [];
  };
}

function patternOf(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Exact paths only: the router does not ignore a trailing slash, so neither may the 405.
  return new RegExp(`^${parts.join('[^/]+')}$`);
}
