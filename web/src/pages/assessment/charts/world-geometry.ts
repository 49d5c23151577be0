/**
 * The world's countries at 1:110 million (Natural Earth, from the `world-atlas` package's TopoJSON), as the
 * GeoJSON ECharts draws, each feature named by its ISO 3166-1 alpha-2 code, the code results use. Natural
 * Earth names countries by their ISO numeric code; areas it gives no code (disputed territories) are drawn
 * unnamed, without a result. Antarctica is left out: no edition ranks it, and it would take a fifth of the map.
 * Polygons crossing the antimeridian (Russia, Fiji) are cut there, so no line runs across the map.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import { countryByNumeric } from '../../../../../shared/assessment/iso3166.ts';
import { splitAtAntimeridian, type Position } from './antimeridian.ts';

const ANTARCTICA = '010';

export interface WorldFeature {
  type: 'Feature';
  id?: string | number;
  properties: { name: string };
  geometry: GeoJSON.Geometry;
}

/** A country's geometry as a flat map draws it: its polygons cut at the antimeridian. */
function flat(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : undefined;
  if (!polygons) return geometry;
  const pieces = polygons.flatMap((polygon) => splitAtAntimeridian(polygon as Position[][]));
  return pieces.length === 1 ? { type: 'Polygon', coordinates: pieces[0]! } : { type: 'MultiPolygon', coordinates: pieces };
}

/** The countries as a GeoJSON feature collection, named by alpha-2 code ('' where Natural Earth gives no ISO code). */
export function worldGeoJson(): { type: 'FeatureCollection'; features: WorldFeature[] } {
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries);
  const features = collection.features
    .filter((f) => f.id !== ANTARCTICA)
    .map((f) => ({ type: 'Feature' as const, properties: { name: f.id === undefined ? '' : (countryByNumeric(f.id)?.alpha2 ?? '') }, geometry: flat(f.geometry) }));
  return { type: 'FeatureCollection', features };
}
