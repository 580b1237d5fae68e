// Counts what a Vega view drew, for the "rendered" reports the webviews post: items
// of data marks only (axes, legends and titles are skipped).
import type * as vega from 'vega';

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
}

const SKIPPED_ROLES = new Set(['axis', 'legend', 'title']);

export function countMarks(view: vega.View): number {
  let count = 0;
  const walk = (node: SceneNode | undefined): void => {
    if (!node) return;
    if (node.marktype && node.marktype !== 'group') {
      if (node.role === 'mark') count += node.items?.length ?? 0;
      // Its items are leaves (only a group's items hold marks): not walked, every change reports.
      return;
    }
    if (node.marktype === 'group' && node.role && SKIPPED_ROLES.has(node.role)) return;
    for (const item of node.items ?? []) walk(item);
  };
  walk((view.scenegraph() as unknown as { root: SceneNode }).root);
  return count;
}
