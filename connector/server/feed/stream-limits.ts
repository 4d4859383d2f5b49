import { ApiFailure } from '../http/api-failure.ts';

/** How many change streams one node keeps open, in all and per administrator. */
export type StreamLimits = { readonly perNode: number; readonly perAdmin: number };

/** The defaults: a console and a `servers watch` or two per admin, and room for a large team per node. */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { perNode: 500, perAdmin: 10 };

/** Counts open streams; `open` refuses past a limit (429), the returned function gives the place back once. */
export type StreamCounter = {
  open(admin: { readonly sid: string; readonly name: string }): () => void;
  /** Open streams now, in all. */
  count(): number;
};

/** Create the node's counter. */
export function createStreamCounter(limits: StreamLimits): StreamCounter {
  const byAdmin = new Map<string, number>();
  let total = 0;
  return {
    open(admin) {
      const mine = byAdmin.get(admin.sid) ?? 0;
      if (mine >= limits.perAdmin) {
        throw new ApiFailure(
          'TOO_MANY_STREAMS',
          `${admin.name} already follows the change feed ${String(mine)} times on this node (the limit is ${String(limits.perAdmin)}). Close a console window or a "servers watch" you no longer need, then try again.`,
          { headers: { 'retry-after': '30' } },
        );
      }
      if (total >= limits.perNode) {
        throw new ApiFailure(
          'TOO_MANY_STREAMS',
          `This node serves its limit of ${String(limits.perNode)} change streams. Try again in a minute, or through another node; the console keeps checking for changes meanwhile.`,
          { headers: { 'retry-after': '30' } },
        );
      }
      byAdmin.set(admin.sid, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (byAdmin.get(admin.sid) ?? 1) - 1;
        if (left === 0) byAdmin.delete(admin.sid);
        else byAdmin.set(admin.sid, left);
      };
    },
    count: () => total,
  };
}
