'use client';

import { formatDay } from '@/lib/format';

// Saves a chart as a file that stands on its own (issue 24): its title, its legend, the chart as
// drawn, and a source line with the page's address and the day — as SVG, or as a PNG wide enough
// for print. The chart is the figure's own drawing (Recharts' main surface, or an svg[data-chart]),
// never one of the small icons of its legend, which are SVGs too.

export interface LegendEntry {
  label: string;
  colour: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** PNG width for print: about 8 inches at 300 dots an inch. */
const PRINT_WIDTH = 2400;

function chartOf(root: Element): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface, svg[data-chart]');
}

/** The legend Recharts drew beside the chart, read back as labels and colours. */
function drawnLegend(root: Element): LegendEntry[] {
  return [...root.querySelectorAll('.recharts-legend-item')].map((item) => {
    const mark = item.querySelector('svg path, svg line, svg rect');
    const fill = mark?.getAttribute('fill');
    return {
      label: item.textContent?.trim() ?? '',
      colour: (fill && fill !== 'none' ? fill : mark?.getAttribute('stroke')) ?? '#444',
    };
  });
}

function textWidth(text: string, font: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 8;
  context.font = font;
  return context.measureText(text).width;
}

/** Words laid into lines no wider than `width`. */
function wrap(text: string, font: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, font) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The whole picture as one SVG document, and its size. */
function compose(targetId: string, title: string, legend: LegendEntry[] | undefined) {
  const root = document.getElementById(targetId);
  const chart = root && chartOf(root);
  if (!root || !chart) return null;
  const entries = legend ?? drawnLegend(root);
  const family = getComputedStyle(document.body).fontFamily;
  const { width: chartWidth, height: chartHeight } = chart.getBoundingClientRect();
  const pad = 16;
  const width = Math.max(Math.ceil(chartWidth) + 2 * pad, 480);
  const parts: SVGElement[] = [];
  let y = pad;

  for (const line of wrap(title, `bold 18px ${family}`, width - 2 * pad)) {
    parts.push(element('text', { x: pad, y: y + 18, 'font-size': 18, 'font-weight': 'bold', fill: '#111' }, line));
    y += 24;
  }
  y += 6;
  let x = pad;
  for (const entry of entries) {
    const itemWidth = 18 + textWidth(entry.label, `13px ${family}`) + 18;
    if (x > pad && x + itemWidth > width - pad) {
      x = pad;
      y += 20;
    }
    parts.push(element('rect', { x, y: y + 2, width: 12, height: 12, fill: entry.colour }));
    parts.push(element('text', { x: x + 18, y: y + 13, 'font-size': 13, fill: '#222' }, entry.label));
    x += itemWidth;
  }
  if (entries.length) y += 28;

  const drawing = chart.cloneNode(true) as SVGSVGElement;
  drawing.setAttribute('x', String(pad));
  drawing.setAttribute('y', String(y));
  drawing.setAttribute('width', String(chartWidth));
  drawing.setAttribute('height', String(chartHeight));
  parts.push(drawing);
  y += chartHeight + 12;

  const source = `Source: Whipcount, ${location.origin}${location.pathname} · as of ${formatDay(new Date())}`;
  for (const line of wrap(source, `12px ${family}`, width - 2 * pad)) {
    parts.push(element('text', { x: pad, y: y + 12, 'font-size': 12, fill: '#555' }, line));
    y += 16;
  }
  const height = Math.ceil(y + pad);

  const svg = element('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` });
  svg.append(
    element('style', {}, `text { font-family: ${family}; }`),
    element('rect', { width: '100%', height: '100%', fill: 'white' }),
    ...parts,
  );
  return { text: new XMLSerializer().serializeToString(svg), width, height };
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartDownload({
  targetId,
  filename,
  title,
  legend,
}: {
  targetId: string;
  filename: string;
  /** The heading the file carries: what the chart shows, and of what. */
  title: string;
  /** The key, for a chart that does not draw its own (Recharts charts do). */
  legend?: LegendEntry[];
}) {
  const downloadSvg = () => {
    const picture = compose(targetId, title, legend);
    if (picture) save(new Blob([picture.text], { type: 'image/svg+xml' }), `${filename}.svg`);
  };
  const downloadPng = () => {
    const picture = compose(targetId, title, legend);
    if (!picture) return;
    const scale = PRINT_WIDTH / picture.width;
    const image = new Image();
    image.onload = () => {
      const canvas = Object.assign(document.createElement('canvas'), {
        width: Math.round(picture.width * scale),
        height: Math.round(picture.height * scale),
      });
      const context = canvas.getContext('2d')!;
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, picture.width, picture.height);
      canvas.toBlob((blob) => blob && save(blob, `${filename}.png`), 'image/png');
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.text)}`;
  };
  return (
    <>
      <span className="text-muted">Download chart:</span>
      <button
        type="button"
        onClick={downloadPng}
        className="rounded border border-rule bg-white px-2 py-1 hover:bg-accent-soft"
      >
        PNG
      </button>
      <button
        type="button"
        onClick={downloadSvg}
        className="rounded border border-rule bg-white px-2 py-1 hover:bg-accent-soft"
      >
        SVG
      </button>
    </>
  );
}
