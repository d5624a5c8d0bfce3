/** Waits for something the system does on its own (a delivery, a post) by looking again every 100 ms. */
export async function until<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
