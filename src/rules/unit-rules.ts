import type { ClaimIndex, LineView } from './claim-index';
import type { Finding } from './finding';
import { dollars, plural } from './money';
import { SOURCES } from './sources';
import { allocateCmsUnits, type UnitRange } from './units-cms';
import { midpointBand, midpointUnits } from './units-ama';

import type { ExpectedUnits } from './result';

export type UnitExpectation = ExpectedUnits;

export interface UnitCheck {
  findings: Finding[];
  expectations: UnitExpectation[];
}

/** Dollars one more unit of the line would bring (undefined when no fee is known). */
export type UnitValue = (line: LineView) => number | undefined;

/** 97129 covers the first 15 minutes, 97130 each further 15: counted as one service. */
const COGNITIVE = ['97129', '97130'] as const;
/** 97545 covers the first 2 hours (one unit), 97546 each further hour. */
const WORK_HARDENING = ['97545', '97546'] as const;

interface Service {
  /** The code, or "97129/97130" for the cognitive family. */
  label: string;
  lines: LineView[];
  minutes: number;
  minutesKnown: boolean;
}

export function checkUnits(index: ClaimIndex, unitValue: UnitValue): UnitCheck {
  const out: UnitCheck = { findings: [], expectations: [] };
  for (const [dos, group] of index.byDos) checkDate(index, dos, group, unitValue, out);
  return out;
}

function checkDate(index: ClaimIndex, dos: string, group: LineView[], unitValue: UnitValue, out: UnitCheck): void {
  const pool = new Map<string, Service>(); // 15-minute timed services
  const hourLines: LineView[] = [];
  const otherTimed = new Map<string, Service>(); // timed codes with another unit length
  const untimed = new Map<string, LineView[]>();

  for (const line of group) {
    const curated = line.curated;
    if (!curated) continue;
    const code = line.code!;
    if (curated.kind === 'untimed') {
      const list = untimed.get(code);
      if (list) list.push(line);
      else untimed.set(code, [line]);
    } else if ((WORK_HARDENING as readonly string[]).includes(code)) {
      hourLines.push(line);
    } else if ((curated.unitMinutes ?? 15) === 15) {
      addToService(pool, (COGNITIVE as readonly string[]).includes(code) ? COGNITIVE.join('/') : code, line);
    } else {
      addToService(otherTimed, code, line);
    }
  }

  for (const [code, lines] of untimed) checkUntimed(code, lines, dos, out);
  if (pool.size > 0) {
    if (index.method === 'cms') checkCmsPool(dos, [...pool.values()], unitValue, out);
    else for (const service of pool.values()) checkMidpointService(service, 15, unitValue, out);
  }
  for (const service of otherTimed.values()) {
    checkMidpointService(service, service.lines[0]!.curated!.unitMinutes ?? 15, unitValue, out);
  }
  if (hourLines.length > 0) checkWorkHardening(dos, hourLines, unitValue, out);
}

function addToService(map: Map<string, Service>, label: string, line: LineView): void {
  let service = map.get(label);
  if (!service) {
    service = { label, lines: [], minutes: 0, minutesKnown: true };
    map.set(label, service);
  }
  service.lines.push(line);
  if (line.minutes === undefined) service.minutesKnown = false;
  else service.minutes += line.minutes;
}

function checkUntimed(code: string, lines: LineView[], dos: string, out: UnitCheck): void {
  let billed = 0;
  for (const line of lines) billed += line.units;
  // Expectations are per line; several lines of one untimed code share the finding below instead.
  if (lines.length === 1) out.expectations.push({ line: lines[0]!.index, min: 1, max: 1, method: 'untimed' });
  if (billed <= 1) return;
  out.findings.push({
    rule: 'units.untimed-multiple',
    severity: 'warning',
    lines: lines.map((l) => l.index),
    message: `${plural(billed, 'unit')} of ${code} on ${dos}, but ${code} is billed once per session whatever its length (1 unit). Bill more only for a separate, documented session.`,
    source: SOURCES.untimed,
  });
}

/** CMS: all timed 15-minute minutes of the day together. */
function checkCmsPool(dos: string, services: Service[], unitValue: UnitValue, out: UnitCheck): void {
  const incomplete = services.flatMap((s) => s.lines.filter((l) => l.minutes === undefined));
  if (incomplete.length > 0) {
    const withMinutes = services.flatMap((s) => s.lines.filter((l) => l.minutes !== undefined));
    if (withMinutes.length > 0) {
      out.findings.push({
        rule: 'units.minutes-incomplete',
        severity: 'info',
        lines: incomplete.map((l) => l.index),
        message: `Units on ${dos} were not checked: the CMS 8-minute rule adds the minutes of all timed codes of the day, and ${plural(incomplete.length, 'timed line')} ${incomplete.length === 1 ? 'has' : 'have'} no minutes.`,
        source: SOURCES.cmsUnits,
      });
    }
    return;
  }
  const allocation = allocateCmsUnits(services.map((s) => s.minutes));
  const context = ` (timed minutes on ${dos}: ${allocation.totalMinutes} = ${plural(allocation.totalUnits, 'unit')} in all)`;
  const findingsBefore = out.findings.length;
  let billedTotal = 0;
  services.forEach((service, i) => {
    billedTotal += billedUnits(service.lines);
    judgeService(service, allocation.ranges[i]!, 'cms', 'the CMS 8-minute rule', context, SOURCES.cmsUnits, unitValue, out);
  });
  if (out.findings.length > findingsBefore || allocation.tied.length === 0) return;
  if (services.some((s) => s.lines.some((l) => !l.unitsEntered))) return;
  if (billedTotal === allocation.totalUnits) return;
  const tiedServices = allocation.tied.map((i) => services[i]!);
  let fixed = 0;
  for (const r of allocation.ranges) fixed += r.min;
  const forTies = allocation.totalUnits - fixed;
  const split =
    tiedServices.length === 2 && forTies === 1
      ? `The leftover unit may go to ${tiedServices[0]!.label} or ${tiedServices[1]!.label} (same remaining minutes), but not to both.`
      : `${plural(forTies, 'leftover unit')} go${forTies === 1 ? 'es' : ''} to ${forTies} of ${tiedServices.map((s) => s.label).join(', ')} (same remaining minutes).`;
  const over = billedTotal > allocation.totalUnits;
  out.findings.push({
    rule: over ? 'units.over' : 'units.under',
    severity: over ? 'error' : 'warning',
    lines: tiedServices.flatMap((s) => s.lines.map((l) => l.index)),
    message:
      `${plural(billedTotal, 'timed unit')} billed for ${allocation.totalMinutes} timed minutes on ${dos}; ` +
      `the CMS 8-minute rule supports ${allocation.totalUnits} in all. ${split}`,
    source: SOURCES.cmsUnits,
  });
}

/** AMA midpoint rule (and any timed code with its own unit length): each code on its own. */
function checkMidpointService(service: Service, unitMinutes: number, unitValue: UnitValue, out: UnitCheck): void {
  if (!service.minutesKnown) return;
  const units = midpointUnits(service.minutes, unitMinutes);
  const band = unitMinutes === 15 ? '' : ` per ${unitMinutes}-minute unit`;
  const context = ` (${midpointBand(units, unitMinutes)} = ${plural(units, 'unit')}${band}; minutes of other codes do not count)`;
  const source = SOURCES.amaUnits;
  judgeService(service, { min: units, max: units }, 'ama', 'the AMA midpoint rule', context, source, unitValue, out);
}

/** 97545 = the first 2 hours (1 unit once past 60 minutes), 97546 = each further hour (31 min+). */
function checkWorkHardening(dos: string, lines: LineView[], unitValue: UnitValue, out: UnitCheck): void {
  if (lines.some((l) => l.minutes === undefined)) return;
  let minutes = 0;
  for (const l of lines) minutes += l.minutes!;
  const initial = midpointUnits(Math.min(minutes, 120), 120);
  const additional = minutes > 120 ? midpointUnits(minutes - 120, 60) : 0;
  const context = ` (work hardening minutes on ${dos}: ${minutes}; the first 2 hours are 1 unit of 97545, each further hour 1 unit of 97546)`;
  for (const [code, expected] of [['97545', initial], ['97546', additional]] as const) {
    const own = lines.filter((l) => l.code === code);
    if (own.length === 0) continue;
    const service: Service = { label: code, lines: own, minutes: sumMinutes(own), minutesKnown: true };
    judgeService(service, { min: expected, max: expected }, 'hours', 'the hour-unit rule', context, SOURCES.hourUnits, unitValue, out);
  }
}

function billedUnits(lines: LineView[]): number {
  let n = 0;
  for (const l of lines) n += l.units;
  return n;
}

function judgeService(
  service: Service,
  range: UnitRange,
  method: UnitExpectation['method'],
  ruleName: string,
  context: string,
  source: string,
  unitValue: UnitValue,
  out: UnitCheck,
): void {
  // The cognitive family shares one range: 97129 takes the first unit, 97130 the rest.
  const parts: Array<{ label: string; lines: LineView[]; range: UnitRange }> = [];
  if (service.label === COGNITIVE.join('/')) {
    const first = service.lines.filter((l) => l.code === COGNITIVE[0]);
    const rest = service.lines.filter((l) => l.code === COGNITIVE[1]);
    if (first.length) parts.push({ label: COGNITIVE[0], lines: first, range: { min: Math.min(1, range.min), max: Math.min(1, range.max) } });
    if (rest.length) parts.push({ label: COGNITIVE[1], lines: rest, range: { min: Math.max(0, range.min - 1), max: Math.max(0, range.max - 1) } });
    context += `; 97129 takes the first unit, 97130 the rest`;
  } else {
    parts.push({ label: service.label, lines: service.lines, range });
  }

  for (const part of parts) {
    const { lines, range: r } = part;
    if (lines.length === 1) out.expectations.push({ line: lines[0]!.index, min: r.min, max: r.max, method });
    const minutes = service.label === part.label ? service.minutes : sumMinutes(lines);
    const supports = r.min === r.max ? `${r.min}` : `${r.min} or ${r.max}`;
    const indexes = lines.map((l) => l.index);
    if (lines.some((l) => !l.unitsEntered)) {
      out.findings.push({
        rule: 'units.missing',
        severity: 'info',
        lines: indexes,
        message: `No units entered for ${part.label} (${minutes} minutes); ${ruleName} supports ${supports}${context}.`,
        source,
      });
      continue;
    }
    const billed = billedUnits(lines);
    const head = `${plural(billed, 'unit')} of ${part.label} billed for ${minutes} minutes`;
    if (billed > r.max) {
      out.findings.push({
        rule: 'units.over',
        severity: 'error',
        lines: indexes,
        message: `${head}; ${ruleName} supports ${supports}${context}.`,
        source,
      });
    } else if (billed < r.min) {
      const missing = r.min - billed;
      const value = unitValue(lines[0]!);
      const lost = value !== undefined && value > 0 ? ` About ${dollars(value * missing)} of allowed amount is not billed.` : '';
      out.findings.push({
        rule: 'units.under',
        severity: 'warning',
        lines: indexes,
        message: `${head}; ${ruleName} supports ${supports}${context}.${lost}`,
        source,
      });
    }
  }
}

function sumMinutes(lines: LineView[]): number {
  let m = 0;
  for (const l of lines) m += l.minutes ?? 0;
  return m;
}
