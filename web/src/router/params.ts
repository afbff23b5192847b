import { createContext, useContext } from 'react';
import type { Params } from './match';

/** The params of the route being shown (`:id` of `/kos/:id`), provided by RouteView. */
export const ParamsContext = createContext<Params>({});

/** `const { id } = useParams<'id'>()` on a page whose route pattern has `:id`. */
export function useParams<K extends string = string>(): Readonly<Record<K, string>> {
  return useContext(ParamsContext) as Readonly<Record<K, string>>;
}
