'use client';
// A hemicycle's touch equivalent of hovering: tapping (or clicking) a seat names its member below
// the chart and rings the seat. The seats are an SVG string drawn by hemicycleSvg, whose every
// <circle> carries a <title>; the table under the chart is the keyboard's way to the same names.
import { useRef, useState, type ReactNode } from 'react';

export function SeatReadout({ children, hint }: { children: ReactNode; hint: string }) {
  const [seat, setSeat] = useState<string | null>(null);
  const picked = useRef<Element | null>(null);
  const pick = (target: EventTarget) => {
    const circle = target instanceof Element ? target.closest('circle') : null;
    if (!circle) return;
    picked.current?.removeAttribute('data-picked');
    circle.setAttribute('data-picked', '');
    picked.current = circle;
    setSeat(circle.querySelector('title')?.textContent ?? null);
  };
  return (
    <div>
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- a pointer's shortcut: every seat's member is in the table below, which keyboards reach */}
      <div
        onClick={(e) => pick(e.target)}
        className="[&_circle]:cursor-pointer [&_circle[data-picked]]:stroke-ink [&_circle[data-picked]]:[stroke-width:0.02]"
      >
        {children}
      </div>
      <p className="min-h-5 text-sm" aria-live="polite" data-testid="seat-readout">
        {seat ?? <span className="text-muted">{hint}</span>}
      </p>
    </div>
  );
}
