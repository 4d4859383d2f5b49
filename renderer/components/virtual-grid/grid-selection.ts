/** How the admin changed a multi-selection: a click or an arrow, with Ctrl or Shift held. */
export type SelectionGesture = { readonly index: number; readonly toggle: boolean; readonly extend: boolean };

/** A multi-selection and the row a Shift gesture extends it from. */
export type Selection = { readonly keys: ReadonlySet<string>; readonly anchor: number };

/**
 * The selection after a click or arrow key, as in Windows list views.
 *
 * Plain: that row alone (it becomes the anchor). Ctrl: that row toggled (it becomes the
 * anchor). Shift: every row from the anchor to it, replacing the rest. Pure, tested alone.
 */
export function selectionAfter(current: Selection, rowKeys: readonly string[], gesture: SelectionGesture): Selection {
  const key = rowKeys[gesture.index];
  if (key === undefined) return current;
  if (gesture.extend) {
    const anchor = current.anchor >= 0 && current.anchor < rowKeys.length ? current.anchor : gesture.index;
    const [from, to] = anchor <= gesture.index ? [anchor, gesture.index] : [gesture.index, anchor];
    return { keys: new Set(rowKeys.slice(from, to + 1)), anchor };
  }
  if (gesture.toggle) {
    const keys = new Set(current.keys);
    if (keys.has(key)) keys.delete(key);
    else keys.add(key);
    return { keys, anchor: gesture.index };
  }
  return { keys: new Set([key]), anchor: gesture.index };
}
