import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. A worker does not inherit tsx's loader: its
 * entry is a one-line script that loads the module through tsx's API.
 */
export function typescriptWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = `import(${api}).then(({ tsImport }) => tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(entry, { ...options, eval: true });
}
