/**
 * A list of async listeners called in registration order — how one feature tells others about a change
 * without importing them (docs/architecture.md, "no feature circles"): the reacting feature registers at
 * import, the changing feature emits. Emitting with nothing to say (`skip`) calls nobody.
 */
export interface Listeners<Args extends unknown[]> {
  on(listener: (...args: Args) => Promise<void>): void;
  emit(...args: Args): Promise<void>;
}

export function listeners<Args extends unknown[]>(skip: (...args: Args) => boolean = () => false): Listeners<Args> {
  const registered = new Set<(...args: Args) => Promise<void>>();
  return {
    on: (listener) => {
      registered.add(listener);
    },
    emit: async (...args) => {
      if (skip(...args)) return;
      for (const listener of registered) await listener(...args);
    },
  };
}
