/** Runs a change (a form's submit, a button): busy while it runs, its ApiError if it fails, then `onDone`. */
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.ts';

export function useAction(onDone?: () => void): { busy: boolean; error: ApiError | undefined; run(action: () => Promise<unknown>): Promise<boolean> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setError(undefined);
      try {
        await action();
        onDone?.();
        return true;
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'http.network', String(caught)));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onDone],
  );
  return { busy, error, run };
}
