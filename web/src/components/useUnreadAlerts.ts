/**
 * The number of the caller's unread in-app notifications, for the badge in the navigation: asked again on
 * every navigation, every 30 seconds while the page is shown, and whenever a page says it marked some read
 * (`alertsChanged`), so the badge never waits for the next poll after the reader's own change.
 */
import { useEffect, useState } from 'react';
import { alertPaths, type AlertNotification } from '../api/alert-types.ts';
import { api } from '../api/client.ts';
import { useLocation } from '../router.tsx';

const CHANGED = 'thiqa:alerts-changed';
const POLL_MS = 30_000;

/** Tells the badge that notifications were marked read (or otherwise changed) by this page. */
export function alertsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The unread count, or undefined until the first answer (and after a failure, which the badge keeps quiet about). */
export function useUnreadAlerts(): number | undefined {
  const { path } = useLocation();
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let live = true;
    const load = () => {
      if (document.visibilityState === 'hidden') return;
      api<{ notifications: AlertNotification[] }>('GET', alertPaths.unread)
        .then((answer) => live && setCount(answer.notifications.length))
        .catch(() => live && setCount(undefined));
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(CHANGED, load);
    document.addEventListener('visibilitychange', load);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, load);
      document.removeEventListener('visibilitychange', load);
    };
  }, [path]);
  return count;
}
