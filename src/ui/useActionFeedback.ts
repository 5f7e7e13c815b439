import { useEffect, useRef, useState } from 'react';

/**
 * The message of an action whose button goes away once used (its row leaves the list, or the
 * button is replaced): the message takes the focus, so keyboard and screen-reader users are not
 * dropped at the top of the page. Put `ref` on a focusable (tabIndex -1) box around the message.
 */
export function useActionFeedback<T>() {
  const [feedback, setFeedback] = useState<T | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (feedback) ref.current?.focus();
  }, [feedback]);
  return { feedback, setFeedback, ref };
}
