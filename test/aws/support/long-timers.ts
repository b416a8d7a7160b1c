/**
 * Node's setTimeout keeps its delay in a signed 32-bit integer: a delay past 24.8 days fires after
 * 1 ms (with a TimeoutOverflowWarning). aws-local-stepfunctions times a task's
 * TimeoutSecondsPath with setTimeout, and the cycle's human steps wait for weeks or months, so an
 * unpatched timer would time the step out at once: the execution would escalate where Step
 * Functions waits. Installed once per test process, this chains timers for a long delay, so it
 * fires when it should (in practice never, within a test), and clearTimeout still cancels it.
 */
const max_delay_ms = 2 ** 31 - 1;
let installed = false;

export function installLongTimers() {
  if (installed) return;
  installed = true;
  const originalSet = globalThis.setTimeout;
  const originalClear = globalThis.clearTimeout;
  /** The timer now pending behind each handle given out for a long delay. */
  const current = new WeakMap<object, ReturnType<typeof originalSet>>();

  const longSet = ((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    if (delay === undefined || !(delay > max_delay_ms)) return originalSet(callback, delay, ...args);
    let handle: ReturnType<typeof originalSet>;
    const schedule = (remaining: number) => {
      const timer = originalSet(
        () => (remaining > max_delay_ms ? schedule(remaining - max_delay_ms) : callback(...args)),
        Math.min(remaining, max_delay_ms),
      );
      handle ??= timer;
      current.set(handle, timer);
    };
    schedule(delay);
    return handle!;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(longSet, originalSet);

  globalThis.clearTimeout = ((handle?: Parameters<typeof originalClear>[0]) => {
    const pending = handle && typeof handle === 'object' ? current.get(handle) : undefined;
    originalClear(pending ?? handle);
  }) as typeof clearTimeout;
}
