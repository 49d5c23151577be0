/** Loads a REST answer for a page: the data, the error (an ApiError) and a way to load it again. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (nothing while it is undefined), again whenever it changes. */
export function useApi<T>(path: string | undefined): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== undefined);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    setLoading(true);
    api<T>('GET', path)
      .then((answer) => {
        if (!live) return;
        setData(answer);
        setError(undefined);
      })
      .catch((caught: unknown) => live && setError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught))))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}
