// Label placement without overlap: each label (largest node first) takes the first free spot on rings around its
// node: free of the labels already placed, of every node's circle, and inside the box. A label set away from its
// node gets a leader line. No label is ever hidden.

const ANGLES = [-90, -60, -120, 0, 180, -30, -150, 90, 30, 150, 60, 120].map((a) => (a * Math.PI) / 180);

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function coversCircle(box, c) {
  const nx = Math.max(box.x, Math.min(c.x, box.x + box.w));
  const ny = Math.max(box.y, Math.min(c.y, box.y + box.h));
  return (nx - c.x) ** 2 + (ny - c.y) ** 2 < c.r * c.r;
}

/**
 * items: [{x, y, r, w, h}] (node centre and radius, label size), in order of priority; circles: [{x, y, r}];
 * bounds: {x, y, w, h}. Returns, per item, the label's box {x, y, w, h} (top-left corner) and whether it is far.
 */
export function placeLabels(items, circles, bounds) {
  const placed = [];
  return items.map((it) => {
    const free = (box, strict) =>
      box.x >= bounds.x && box.y >= bounds.y && box.x + box.w <= bounds.x + bounds.w && box.y + box.h <= bounds.y + bounds.h &&
      !placed.some((p) => overlaps(p, box)) && (!strict || !circles.some((c) => coversCircle(box, c)));
    let found = null;
    for (let pass = 0; pass < 2 && !found; pass++) {
      for (let ring = 0; ring < 60 && !found; ring++) {
        const d = it.r + 2 + ring * 5;
        for (const a of ANGLES) {
          const cx = it.x + Math.cos(a) * (d + (it.w / 2) * Math.abs(Math.cos(a)));
          const cy = it.y + Math.sin(a) * (d + (it.h / 2) * Math.abs(Math.sin(a)));
          const box = { x: cx - it.w / 2, y: cy - it.h / 2, w: it.w, h: it.h };
          if (free(box, pass === 0)) {
            found = { ...box, far: ring > 2 };
            break;
          }
        }
      }
    }
    // Nowhere free inside the box (never seen): below every placed label, still without overlap.
    found ??= { x: bounds.x, y: Math.max(bounds.y, ...placed.map((p) => p.y + p.h)) + 1, w: it.w, h: it.h, far: true };
    placed.push(found);
    return found;
  });
}
