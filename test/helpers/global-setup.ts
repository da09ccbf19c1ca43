/**
 * Loads every shipped dataset once per test run and keeps the database as a file, so each test
 * file (a fresh module graph) opens a copy in memory instead of loading the data again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildLoadedStore } from './store.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    loadedDatabase: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'sheriff-watch-tests-'));
  const file = join(dir, 'loaded.db');
  writeFileSync(file, buildLoadedStore().db.serialize());
  project.provide('loadedDatabase', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
