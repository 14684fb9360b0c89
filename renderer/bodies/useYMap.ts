/**
 * A React view of a Y.Map in a replica: `read` runs now and again after every change to the
 * map, from this device or another (the Core relays remote updates into the replica).
 * `read` must be cheap: it runs once per change, not per render.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export function useYMap<T>(map: Y.Map<unknown> | null, read: (map: Y.Map<unknown>) => T, empty: T): T {
  const [value, setValue] = useState<{ map: Y.Map<unknown> | null; value: T }>(() => ({ map, value: map ? read(map) : empty }));
  useEffect(() => {
    if (!map) return;
    const update = () => setValue({ map, value: read(map) });
    update();
    map.observe(update);
    return () => map.unobserve(update);
    // `read` is a module-level function at every call site: only a new map means re-subscribing.
  }, [map]);
  return value.map === map ? value.value : map ? read(map) : empty;
}
