/** A chart's legend as a list the page lays out in its own direction (so it reads from the right in Arabic, and wraps as text does). */
export function SeriesLegend({ label, items }: { label: string; items: readonly { name: string; colour: string }[] }) {
  return (
    <ul className="map-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.name}>
          <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
          <span>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}
