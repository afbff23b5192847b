/**
 * Loads a module of the console (web/src) in a Node test. The console is type-checked by
 * web/tsconfig.json (bundler resolution, JSX); the root tsconfig (NodeNext) must not compile it, so the
 * path is a template literal tsc does not follow and the caller states the shape it uses.
 */
export async function webModule<T>(path: string): Promise<T> {
  return (await import(/* @vite-ignore */ `../../web/src/${path}`)) as T;
}
