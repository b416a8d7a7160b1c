import { useEffect, useState } from 'react';
import { Notice } from './status.tsx';

/** The message a page was opened with, e.g. after a save; passed in history.state by `navigate`. */
export interface NoticeState {
  notice?: string;
}

/**
 * Shows the notice once. It is removed from history.state after it has been read, so reloading
 * the page or coming back to it later does not say "saved" again.
 */
export function FlashNotice() {
  const [notice] = useState(() => (window.history.state as NoticeState | null)?.notice);

  useEffect(() => {
    const state = window.history.state as NoticeState | null;
    if (state?.notice) window.history.replaceState({ ...state, notice: undefined }, '');
  }, []);

  return notice ? <Notice>{notice}</Notice> : null;
}
