import { useEffect, useRef, useState } from 'react';
import { announcementDelay } from './simulation-state.ts';

/**
 * The text for a polite live region that follows `text` without talking over the user: a change
 * is said at once if nothing was said lately, else when the interval has passed (then the newest
 * text, not every one in between). A `final` text, such as the outcome, is said at once.
 * performance.now() is monotonic: a virtual or fixed wall clock cannot stall it.
 */
export function useAnnouncement(text: string, final: boolean): string {
  const [announced, setAnnounced] = useState('');
  const lastAt = useRef<number | undefined>(undefined);

  useEffect(() => {
    const delay = announcementDelay(lastAt.current, performance.now(), final);
    const say = () => {
      lastAt.current = performance.now();
      setAnnounced(text);
    };
    if (delay === 0) {
      say();
      return;
    }
    const timer = setTimeout(say, delay);
    return () => clearTimeout(timer);
  }, [text, final]);

  return announced;
}
