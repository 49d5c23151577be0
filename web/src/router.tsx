/**
 * Client-side routes below /ui/: the path picks a page, the query string holds a page's state (a collection
 * browser's filters), so every view has an address that can be bookmarked, shared or opened in a new tab.
 */
import { useEffect, useRef, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export const BASE = '/ui';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('thiqa:navigate', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('thiqa:navigate', onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path below /ui (`/collections/x`) and its query parameters. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) || '/' : url.pathname;
  return { path, query: url.searchParams };
}

/** Goes to `to` (a path below /ui, with its query), adding to the history unless `replace`. */
export function navigate(to: string, replace = false): void {
  const href = `${BASE}${to}`;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event('thiqa:navigate'));
  window.scrollTo(0, 0);
}

/** Matches `path` against a pattern such as `/collections/:id`; the decoded parameters, or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = path.replace(/\/$/, '').split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(have[i]!);
    else if (part !== have[i]) return undefined;
  }
  return params;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A real link (open in a new tab works) that navigates in place on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={`${BASE}${to}`} onClick={handleClick} {...rest} />;
}

/** Moves focus to the page's main heading after each navigation, so screen readers announce the new page. */
export function useFocusOnNavigate(): void {
  const { path } = useLocation();
  const previous = useRef(path);
  useEffect(() => {
    if (previous.current === path) return;
    previous.current = path;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);
}
