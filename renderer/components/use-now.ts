import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `intervalMs`: what a "read 2 minutes ago" text is measured from.
 *
 * One timer per component that shows a relative time, cleared when it unmounts.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
