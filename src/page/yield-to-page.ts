/**
 * Lets the page run (input, rendering) between slices of a long job, and comes back as soon as it can.
 *
 * Why not `setTimeout(0)`: browsers clamp nested timeouts to 4 ms or more, so a job cut into ten slices
 * would wait 40 ms longer for nothing. `scheduler.yield()` (Chromium 129+) resumes ahead of other
 * queued work; elsewhere a MessageChannel message is a task without the clamp.
 */

interface YieldingScheduler {
  yield(): Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
