// The world map for country charts: Natural Earth's 1:110m country outlines
// (world-atlas, public domain data, ISC package) turned from TopoJSON into GeoJSON
// and registered with ECharts once. Countries arrive from the API as ISO 3166-1
// alpha-2 codes ("GB"); the outlines are keyed by ISO numeric codes ("826").
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";
import worldTopology from "world-atlas/countries-110m.json";
import { echarts } from "./charts.js";

export const WORLD_MAP = "world";
let registered = null;

// Registers the map (first call only) and returns alpha-2 code -> the map's region name.
export function worldMapNames() {
  if (registered) return registered;
  const geojson = feature(worldTopology, worldTopology.objects.countries);
  const nameByNumeric = new Map();
  for (const region of geojson.features) {
    region.properties = { name: region.properties.name };
    nameByNumeric.set(String(region.id).padStart(3, "0"), region.properties.name);
  }
  echarts.registerMap(WORLD_MAP, geojson);
  registered = (alpha2) => {
    const numeric = countries.alpha2ToNumeric(String(alpha2 || "").toUpperCase());
    return numeric ? nameByNumeric.get(numeric) || null : null;
  };
  return registered;
}
