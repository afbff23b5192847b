/**
 * A stable k-way merge (docs/imports.md, "Speed": staged rows are stored in order-id order). Each source
 * yields items already in key order; the merge yields every item of all sources in key order, and items of
 * equal keys in source order (then each source's own order) — so a merge of sorted runs of a file, taken in
 * file order, keeps the file order of equal keys.
 */
export function* mergeSorted<T>(sources: Iterator<T>[], keyOf: (item: T) => string): Generator<T> {
  interface Head {
    item: T;
    key: string;
    source: number;
  }
  const before = (a: Head, b: Head): boolean => a.key < b.key || (a.key === b.key && a.source < b.source);
  // A binary min-heap of each source's next item.
  const heap: Head[] = [];
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left] as Head, heap[least] as Head)) least = left;
      if (right < heap.length && before(heap[right] as Head, heap[least] as Head)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least] as Head, heap[i] as Head];
      i = least;
    }
  };
  try {
    sources.forEach((iterator, source) => {
      const next = iterator.next();
      if (!next.done) heap.push({ item: next.value, key: keyOf(next.value), source });
    });
    for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i -= 1) siftDown(i);
    while (heap.length > 0) {
      const top = heap[0] as Head;
      yield top.item;
      const next = (sources[top.source] as Iterator<T>).next();
      if (next.done) {
        const last = heap.pop() as Head;
        if (heap.length === 0) return;
        heap[0] = last;
      } else {
        top.item = next.value;
        top.key = keyOf(next.value);
      }
      siftDown(0);
    }
  } finally {
    // Stopped early (or a source threw): every source is closed (a staged run's file descriptor).
    for (const source of sources) source.return?.();
  }
}

/** Code-unit order of two keys, for Array.prototype.sort (which is stable: equal keys keep their order). */
export const byKey = <T extends { key: string }>(a: T, b: T): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
