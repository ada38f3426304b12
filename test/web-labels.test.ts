/** web/labels.js (the network's label placement) in Node: no two labels overlap, none covers a node when room is left. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

type Box = { x: number; y: number; w: number; h: number; far: boolean };
const spec = '../../web/labels.js';
const { placeLabels } = (await import(spec)) as {
  placeLabels(
    items: { x: number; y: number; r: number; w: number; h: number }[],
    circles: { x: number; y: number; r: number }[],
    bounds: { x: number; y: number; w: number; h: number },
  ): Box[];
};

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('30 labels around 60 crowded nodes: none overlaps another, all inside the box', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  // Nodes packed in the middle third of the box, as a force layout leaves a dense core.
  const nodes = Array.from({ length: 60 }, () => ({ x: 200 + rnd() * 200, y: 140 + rnd() * 140, r: 4 + rnd() * 12 }));
  const items = nodes.slice(0, 30).map((n, i) => ({ ...n, w: 24 + (i % 4) * 8, h: 12 }));
  const bounds = { x: 0, y: 0, w: 600, h: 420 };
  const boxes = placeLabels(items, nodes, bounds);
  assert.equal(boxes.length, 30);
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i]!;
    assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.w <= 600 && b.y + b.h <= 420, `label ${i} outside the box`);
    for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(b, boxes[j]!), `labels ${i} and ${j} overlap`);
  }
  assert.ok(
    boxes.some((b) => b.far),
    'in a crowd some labels are set away from their node (with a leader line)',
  );
});

test('a lone node gets its label right above it', () => {
  const [b] = placeLabels([{ x: 100, y: 100, r: 10, w: 30, h: 12 }], [{ x: 100, y: 100, r: 10 }], { x: 0, y: 0, w: 600, h: 420 });
  assert.ok(b!.y + b!.h <= 90 && b!.y + b!.h > 80, JSON.stringify(b));
  assert.equal(Math.round(b!.x + b!.w / 2), 100);
  assert.equal(b!.far, false);
});
