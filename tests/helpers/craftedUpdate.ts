/**
 * A Yjs update that decodes but cannot be applied: one item of client 4242 at clock 0 whose
 * origin is its own later clock 5 (Yjs throws while integrating it). Hand-encoded, since no
 * honest client makes one: what a bug or a hostile client could send.
 */
import * as enc from 'lib0/encoding';

export function unapplicableUpdate(): Uint8Array {
  const e = enc.createEncoder();
  for (const n of [1, 1, 4242, 0]) enc.writeVarUint(e, n); // one client, one struct, client, clock
  enc.writeUint8(e, 0x84); // an item with an origin, string content
  for (const n of [4242, 5]) enc.writeVarUint(e, n); // the origin: its own clock 5
  enc.writeVarString(e, 'x');
  enc.writeVarUint(e, 0); // no deletions
  return enc.toUint8Array(e);
}
