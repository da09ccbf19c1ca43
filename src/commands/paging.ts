import type { Invocation, Paging } from '../reply.ts';

export const PAGE_SIZE = 15;

export interface Page<T> {
  items: T[];
  paging?: Paging;
  /** 1-based index of the first item on this page. */
  first: number;
}

/** Cuts a list into pages; a page past the end shows the last page. */
export function paginate<T>(all: T[], requested: number | undefined, invocation: Invocation, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(Math.max(1, requested ?? 1), pages);
  const start = (page - 1) * size;
  return {
    items: all.slice(start, start + size),
    first: start + 1,
    ...(pages > 1 ? { paging: { page, pages, invocation } } : {}),
  };
}
