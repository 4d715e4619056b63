import { useEffect, useState } from 'react';

/**
 * `flag`, but true only once it has stayed true for `ms`: a busy line for an answer that comes within
 * a frame or two is never drawn, so it neither flashes nor shifts the layout under the pointer.
 * Turns false at once.
 */
export function useShownAfter(flag: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [flag, ms]);
  return flag && shown;
}
