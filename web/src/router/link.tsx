import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { hrefOf, navigate } from './location';

export type LinkProps = { to: string; replace?: boolean } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>;

/**
 * An `<a>` to a console path (`<Link to="/kos/new">`) that changes page without reloading; a modified or
 * middle click keeps the browser's own behaviour (new tab, new window).
 */
export function Link({ to, replace, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(to, { replace });
  };
  return <a href={hrefOf(to)} onClick={handle} {...rest} />;
}
