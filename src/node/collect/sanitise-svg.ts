// An SVG file a post references → the same drawing with nothing that runs or fetches: parsed as the
// browser's HTML parser reads inline SVG (parse5, through hast-util-from-html: a DOCTYPE's entities are
// never expanded), cut down to drawing elements and attributes by hast-util-sanitize, references kept
// only within the file (`#id`), and written back as XML. Opened at the site's origin, an SVG is a
// document like a page: its `<script>`, event attributes and `<foreignObject>` HTML would run there.
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

/** Drawing elements: shapes, text, gradients, patterns, clips, masks, markers, filters. */
const ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feDropShadow',
  'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode',
  'feMorphology', 'feOffset', 'feTile',
]; // prettier-ignore

/** Their geometry and presentation, as hast names them (`strokeWidth` is `stroke-width`). */
const ATTRIBUTES = [
  'id', 'className', 'style', 'version', 'xmlns', 'xmlnsXLink', 'xmlSpace', 'href', 'xLinkHref',
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'd', 'points',
  'width', 'height', 'viewBox', 'preserveAspectRatio', 'transform', 'pathLength',
  'fill', 'fillOpacity', 'fillRule', 'stroke', 'strokeWidth', 'strokeOpacity', 'strokeLinecap',
  'strokeLinejoin', 'strokeMiterlimit', 'strokeDasharray', 'strokeDashoffset', 'opacity', 'color',
  'display', 'visibility', 'overflow', 'vectorEffect', 'shapeRendering', 'paintOrder',
  'clipPath', 'clipRule', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits',
  'offset', 'stopColor', 'stopOpacity', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'patternUnits', 'patternContentUnits', 'patternTransform',
  'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'markerStart', 'markerMid', 'markerEnd',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'textAnchor', 'dominantBaseline',
  'alignmentBaseline', 'letterSpacing', 'wordSpacing', 'textDecoration', 'lengthAdjust',
  'textLength', 'rotate', 'startOffset', 'dx', 'dy', 'writingMode',
  'filter', 'filterUnits', 'primitiveUnits', 'colorInterpolationFilters', 'stdDeviation', 'in',
  'in2', 'result', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'values', 'type', 'tableValues',
  'slope', 'intercept', 'amplitude', 'exponent', 'radius', 'floodColor', 'floodOpacity',
]; // prettier-ignore

const SCHEMA: Schema = {
  tagNames: ELEMENTS,
  attributes: { '*': ATTRIBUTES },
  // (gone with their content, not unwrapped)
  strip: ['script', 'style', 'foreignObject', 'iframe', 'object', 'embed', 'audio', 'video'],
  // ids stay as written: `url(#a)` and `href="#a"` point at them (the file is a document of its own)
  clobber: [],
  clobberPrefix: '',
  protocols: {},
  ancestors: {},
  required: {},
};

/** A value that points outside the file, or that CSS could fetch or run: `url(x)`, `@import`. */
const OUTSIDE = /url\s*\(\s*['"]?\s*(?!#)|@import|expression\s*\(|javascript:/i;

function keepInside(node: Nodes): void {
  if (node.type !== 'root' && node.type !== 'element') return;
  if (node.type === 'element') {
    const props = node.properties;
    for (const name of Object.keys(props)) {
      const value = props[name];
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if ((name === 'href' || name === 'xLinkHref') && !text.startsWith('#')) delete props[name];
      else if (OUTSIDE.test(text)) delete props[name];
    }
  }
  for (const child of node.children) keepInside(child);
}

/** The first `<svg>` element of a tree. */
function findSvg(node: Nodes): Element | undefined {
  if (node.type === 'element' && node.tagName === 'svg') return node;
  if (node.type !== 'root' && node.type !== 'element') return undefined;
  for (const child of node.children) {
    const found = findSvg(child);
    if (found) return found;
  }
  return undefined;
}

/** The drawing an SVG file holds, safe to serve at the site's origin; undefined when it holds none. */
export function sanitiseSvg(text: string): string | undefined {
  const svg = findSvg(fromHtml(text, { fragment: true }));
  if (!svg) return undefined;
  const clean = sanitize({ type: 'root', children: [svg] } satisfies Root, SCHEMA) as Root;
  keepInside(clean);
  const root = clean.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!root) return undefined;
  root.properties.xmlns = 'http://www.w3.org/2000/svg';
  root.properties.xmlnsXLink = 'http://www.w3.org/1999/xlink';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toHtml(root, { space: 'svg', closeEmptyElements: true })}\n`;
}
