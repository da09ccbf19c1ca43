/** Counts turns of the event loop while `work` runs: synchronous work on the loop leaves it at a handful. */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const beat = () => {
    turns++;
    if (running) setImmediate(beat);
  };
  setImmediate(beat);
  const value = await work();
  running = false;
  return { value, turns };
}
