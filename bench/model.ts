import { MEXICAN_STATES } from "../src/model/states.js";

/**
 * What the scale generator realises: the facility counts that the curated
 * sources state (doc 000, as of 20 January 2022), each facility type with the
 * services it delivers and a typical number of them per facility and day, and
 * the 32 states of Mexico with a weight (population, millions, 2020 census).
 *
 * Everything here names real keys of the curated model (facility types,
 * services, the variable `services-delivered`, the years 2020 and 2021 and the
 * month `december-2021`); the generator only adds individual facilities,
 * the states the seeds do not name, the other months, and the monthly facts.
 */

export interface FacilityTypeSpec {
  /** Key of the curated FacilityType entity. */
  key: string;
  /** Short slug used in generated keys. */
  slug: string;
  /** How many the sources count (the curated `*-count-2022` fact). */
  count: number;
  /** The program that operates them (scope of the curated count). */
  program: "imss" | "imss-bienestar";
  /** Services delivered, each with a typical number per facility and day. */
  services: Record<string, number>;
  /** Where they are: keys of places (default: all 32 states, by population). */
  places?: Record<string, number>;
}

export const FACILITY_TYPES: FacilityTypeSpec[] = [
  {
    key: "umf",
    slug: "umf",
    count: 1531,
    program: "imss",
    services: {
      "family-medicine-consultation": 190,
      "dental-consultation": 6,
      "prenatal-consultation": 9,
      "clinical-analysis": 160,
      "diabetes-detection": 12,
      "hypertension-detection": 10,
      cytology: 3,
    },
  },
  {
    key: "general-hospital",
    slug: "gh",
    count: 251,
    program: "imss",
    services: {
      "specialty-consultation": 150,
      "emergency-consultation": 140,
      surgery: 10,
      delivery: 3,
      "hospital-discharge": 25,
      radiodiagnosis: 160,
      "clinical-analysis": 1200,
      tomography: 18,
    },
  },
  {
    key: "umae",
    slug: "umae",
    count: 25,
    program: "imss",
    services: {
      "specialty-consultation": 600,
      surgery: 25,
      transplant: 1,
      "magnetic-resonance": 30,
      tomography: 60,
      "hemodialysis-session": 90,
      "radiotherapy-session": 70,
      "nuclear-medicine-session": 40,
      "hospital-discharge": 60,
    },
  },
  {
    key: "umaa",
    slug: "umaa",
    count: 34,
    program: "imss",
    services: { surgery: 12, "specialty-consultation": 80, echosonography: 40 },
  },
  {
    key: "eye-care-centre",
    slug: "eye",
    count: 16,
    program: "imss",
    services: { "specialty-consultation": 60, surgery: 8 },
  },
  {
    key: "breast-cancer-detection-diagnosis-unit",
    slug: "bcu",
    count: 10,
    program: "imss",
    services: { mammography: 45, "breast-cancer-clinical-examination": 30 },
  },
  {
    key: "covid-temporary-care-centre",
    slug: "cat",
    count: 11,
    program: "imss",
    services: { "hospital-discharge": 6, "inhalotherapy-session": 40 },
    // Where the sources put them (cat-count-*-2022).
    places: {
      "north-mexico-city": 3,
      chihuahua: 2,
      durango: 1,
      "poniente-state-of-mexico": 1,
      morelos: 1,
      jalisco: 1,
      "nuevo-leon": 1,
      zacatecas: 1,
    },
  },
  { key: "marss", slug: "marss", count: 4759, program: "imss", services: { consultation: 12 } },
  { key: "macromarss", slug: "mmarss", count: 35, program: "imss", services: { consultation: 90 } },
  {
    key: "rural-hospital",
    slug: "rh",
    count: 80,
    program: "imss-bienestar",
    services: {
      "specialty-consultation": 40,
      "emergency-consultation": 45,
      delivery: 3,
      surgery: 4,
      "hospital-discharge": 12,
    },
  },
  {
    key: "rural-medical-unit",
    slug: "rmu",
    count: 3622,
    program: "imss-bienestar",
    services: {
      consultation: 14,
      "prenatal-consultation": 1,
      "child-nutrition-evaluation": 2,
      "diabetes-detection": 3,
      "hypertension-detection": 3,
      "cervical-cancer-detection": 1,
    },
  },
  {
    key: "health-brigade",
    slug: "hb",
    count: 184,
    program: "imss-bienestar",
    services: { consultation: 10, "dental-consultation": 2 },
  },
  {
    key: "mobile-medical-unit",
    slug: "mmu",
    count: 140,
    program: "imss-bienestar",
    services: { consultation: 12, "prenatal-consultation": 2 },
  },
  {
    key: "rural-obstetric-care-centre",
    slug: "roc",
    count: 45,
    program: "imss-bienestar",
    services: { delivery: 1, "prenatal-consultation": 6 },
  },
];

export interface StateSpec {
  /** Key of the Place: a curated one where the seeds name the state, else generated. */
  key: string;
  name: string;
  /** Population, millions (2020). */
  weight: number;
  /** IMSS-BIENESTAR operates here (19 states, imss-bienestar-states-2022). */
  bienestar: boolean;
}

/** The six states the curated seeds name are reused; the other 26 are generated. */
export const CURATED_STATES = new Set([
  "chihuahua",
  "durango",
  "jalisco",
  "morelos",
  "nuevo-leon",
  "zacatecas",
]);

/** A state of the model's list, with its population and whether IMSS-BIENESTAR operates there. */
const S = (key: string, weight: number, bienestar = false): StateSpec => {
  const state = MEXICAN_STATES.find((s) => s.key === key);
  if (!state) throw new Error(`bench/model.ts: ${key} is not in MEXICAN_STATES`);
  return {
    key: CURATED_STATES.has(key) ? key : `gen-state-${key}`,
    name: state.es,
    weight,
    bienestar,
  };
};

export const STATES: StateSpec[] = [
  S("aguascalientes", 1.4),
  S("baja-california", 3.8, true),
  S("baja-california-sur", 0.8),
  S("campeche", 0.9, true),
  S("chiapas", 5.5, true),
  S("chihuahua", 3.7, true),
  S("ciudad-de-mexico", 9.2),
  S("coahuila", 3.1, true),
  S("colima", 0.7),
  S("durango", 1.8, true),
  S("estado-de-mexico", 17.0),
  S("guanajuato", 6.2),
  S("guerrero", 3.5, true),
  S("hidalgo", 3.1, true),
  S("jalisco", 8.3),
  S("michoacan", 4.7, true),
  S("morelos", 2.0),
  S("nayarit", 1.2, true),
  S("nuevo-leon", 5.8),
  S("oaxaca", 4.1, true),
  S("puebla", 6.6, true),
  S("queretaro", 2.4),
  S("quintana-roo", 1.9),
  S("san-luis-potosi", 2.8, true),
  S("sinaloa", 3.0, true),
  S("sonora", 2.9),
  S("tabasco", 2.4, true),
  S("tamaulipas", 3.5, true),
  S("tlaxcala", 1.3),
  S("veracruz", 8.1, true),
  S("yucatan", 2.3, true),
  S("zacatecas", 1.6, true),
];

/** The monthly periods: 2020 and 2021, within the curated years; December 2021 is curated. */
export const YEARS = [
  { year: 2020, key: "year-2020" },
  { year: 2021, key: "year-2021" },
];

export const CURATED_MONTHS: Record<string, string> = { "2021-12": "december-2021" };

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export type Size = "S" | "M" | "L";

/** Share of the national network realised: S 1 %, M 10 %, L all of it. */
export const SIZE_FRACTION: Record<Size, number> = { S: 0.01, M: 0.1, L: 1 };

export const GENERATED_VARIABLE = "services-delivered";
