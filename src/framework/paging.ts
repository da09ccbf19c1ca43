import type { Invocation, Paging } from '../reply.ts';

export const PAGE_SIZE = 15;

export interface Page<T> {
  items: T[];
  paging?: Paging;
  /** 1-based index of the first item on this page. */
  first: number;
}

/** Where one page of a list of `total` items starts, for lists read a page at a time. */
export interface PageWindow {
  /** 0-based index of the page's first item. */
  offset: number;
  size: number;
  paging?: Paging;
}

/** The page to show of `total` items; a page past the end shows the last page. */
export function pageWindow(total: number, requested: number | undefined, invocation: Invocation, size = PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested ?? 1), pages);
  return { offset: (page - 1) * size, size, ...(pages > 1 ? { paging: { page, pages, invocation } } : {}) };
}

/** Cuts a list into pages; a page past the end shows the last page. */
export function paginate<T>(all: T[], requested: number | undefined, invocation: Invocation, size = PAGE_SIZE): Page<T> {
  const { offset, paging } = pageWindow(all.length, requested, invocation, size);
  return { items: all.slice(offset, offset + size), first: offset + 1, ...(paging ? { paging } : {}) };
}
