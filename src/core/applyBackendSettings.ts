import { checkOptions } from './checkOptions';
import type { BackendDefinition, BackendOptions } from './RealtimeClient';

/**
 * The `applySettings` of backends with REST routes or zoneless times: `backends.<name>.restPaths`
 * replace routes by name (an unknown name throws, naming the nearest), and
 * `backends.<name>.timeZone` makes the dialect read zoneless times in that zone. Kept out of
 * the client so an app whose backends take neither does not bundle it.
 */
export function applyBackendSettings<B extends BackendDefinition>(backend: B, { restPaths, timeZone }: BackendOptions): B {
  const where = `backends.${backend.name}`;
  checkOptions(restPaths, Object.keys(backend.restPaths ?? {}), `${where}.restPaths`);
  let dialect = backend.dialect;
  if (timeZone) {
    if (!dialect.withTimeZone) throw new TypeError(`${where}.timeZone: ${dialect.name} sends no zoneless times.`);
    dialect = dialect.withTimeZone(timeZone);
  }
  return { ...backend, dialect, restPaths: { ...backend.restPaths, ...restPaths } };
}
