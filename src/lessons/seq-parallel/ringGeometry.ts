// Where lesson 14's device ring draws things: the devices as boxes on a
// circle sized to fit the width, and each message's path as a quadratic arc
// between two boxes, bulging outwards.
export const RING_HEIGHT = 300;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface RingGeometry {
  readonly radius: number;
  readonly boxW: number;
  readonly boxH: number;
  /** Boxes are wide enough for three lines of text. */
  readonly showText: boolean;
  /** Centre of device d's box. */
  pos(d: number): Point;
  /** The arc from device a to b: its ends and control point. */
  arc(a: number, b: number): { readonly p: Point; readonly q: Point; readonly c: Point };
  /** The point a fraction s along the arc from a to b. */
  along(a: number, b: number, s: number): Point;
}

export function ringGeometry(width: number, W: number): RingGeometry {
  const cx = width / 2;
  const cy = RING_HEIGHT / 2;
  const radius = Math.max(40, Math.min(width / 2 - 60, RING_HEIGHT / 2 - 40));
  const boxW = Math.max(14, Math.min(96, ((2 * Math.PI * radius) / Math.max(W, 1)) * 0.72));
  const boxH = boxW >= 70 ? 48 : Math.max(12, boxW * 0.6);
  const pos = (d: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * d) / W;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  };
  const arc = (a: number, b: number) => {
    const p = pos(a);
    const q = pos(b);
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    const dx = mx - cx;
    const dy = my - cy;
    const len = Math.hypot(dx, dy) || 1;
    if (W === 2) {
      // Top and bottom boxes: one arc on each side so the two messages do not overlap.
      return { p, q, c: { x: cx + (a === 0 ? 1 : -1) * radius * 0.7, y: cy } };
    }
    const bulge = radius * 0.25;
    const c = { x: mx + (dx / len) * bulge, y: my + (dy / len) * bulge };
    return { p, q, c };
  };
  const along = (a: number, b: number, s: number) => {
    const { p, q, c } = arc(a, b);
    const u = 1 - s;
    return { x: u * u * p.x + 2 * u * s * c.x + s * s * q.x, y: u * u * p.y + 2 * u * s * c.y + s * s * q.y };
  };
  return { radius, boxW, boxH, showText: boxW >= 70, pos, arc, along };
}
