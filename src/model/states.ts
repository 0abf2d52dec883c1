/**
 * Mexico's 32 federal entities: the key a Place of the graph has (or would have) and the names
 * written in releases (Spanish; English where it differs). Names are labels, not facts: the
 * official names in common use. The drafter reads them to know a state named in a sentence even
 * when the graph lacks it; the benchmark's generator, to make the states it adds.
 */
export interface MexicanState {
  key: string;
  es: string;
  en?: string;
}

export const MEXICAN_STATES: readonly MexicanState[] = [
  { key: "aguascalientes", es: "Aguascalientes" },
  { key: "baja-california", es: "Baja California" },
  { key: "baja-california-sur", es: "Baja California Sur" },
  { key: "campeche", es: "Campeche" },
  { key: "chiapas", es: "Chiapas" },
  { key: "chihuahua", es: "Chihuahua" },
  { key: "ciudad-de-mexico", es: "Ciudad de México", en: "Mexico City" },
  { key: "coahuila", es: "Coahuila" },
  { key: "colima", es: "Colima" },
  { key: "durango", es: "Durango" },
  { key: "estado-de-mexico", es: "Estado de México", en: "State of Mexico" },
  { key: "guanajuato", es: "Guanajuato" },
  { key: "guerrero", es: "Guerrero" },
  { key: "hidalgo", es: "Hidalgo" },
  { key: "jalisco", es: "Jalisco" },
  { key: "michoacan", es: "Michoacán" },
  { key: "morelos", es: "Morelos" },
  { key: "nayarit", es: "Nayarit" },
  { key: "nuevo-leon", es: "Nuevo León" },
  { key: "oaxaca", es: "Oaxaca" },
  { key: "puebla", es: "Puebla" },
  { key: "queretaro", es: "Querétaro" },
  { key: "quintana-roo", es: "Quintana Roo" },
  { key: "san-luis-potosi", es: "San Luis Potosí" },
  { key: "sinaloa", es: "Sinaloa" },
  { key: "sonora", es: "Sonora" },
  { key: "tabasco", es: "Tabasco" },
  { key: "tamaulipas", es: "Tamaulipas" },
  { key: "tlaxcala", es: "Tlaxcala" },
  { key: "veracruz", es: "Veracruz" },
  { key: "yucatan", es: "Yucatán" },
  { key: "zacatecas", es: "Zacatecas" },
];
