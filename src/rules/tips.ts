import type { TipRule } from '../data/reference';
import type { ClaimIndex, LineView } from './claim-index';
import { hasAnyModifier } from './claim-index';
import type { Finding } from './finding';

/** Tips indexed by the codes that trigger them, built once per tips list. */
const indexCache = new WeakMap<readonly TipRule[], Map<string, TipRule[]>>();

function tipsByCode(tips: readonly TipRule[]): Map<string, TipRule[]> {
  let map = indexCache.get(tips);
  if (map) return map;
  map = new Map();
  for (const tip of tips) {
    for (const code of tip.codes) {
      const list = map.get(code);
      if (list) list.push(tip);
      else map.set(code, [tip]);
    }
  }
  indexCache.set(tips, map);
  return map;
}

function tipMatchesLine(tip: TipRule, line: LineView, payer: string): boolean {
  if (tip.payers && !tip.payers.includes(payer as never)) return false;
  if (tip.missingModifiers && hasAnyModifier(line, tip.missingModifiers)) return false;
  if (tip.unitsAbove !== undefined && !(line.units > tip.unitsAbove)) return false;
  return true;
}

/** Data-driven billing tips (data/curated/tips.json): one finding per tip and date of service. */
export function checkTips(index: ClaimIndex): Finding[] {
  const byCode = tipsByCode(index.ref.tips());
  if (byCode.size === 0) return [];
  const payer = index.claim.payer;
  const findings: Finding[] = [];
  for (const group of index.byDos.values()) {
    const hits = new Map<TipRule, Set<number>>();
    for (const line of group) {
      const tips = byCode.get(line.code!);
      if (!tips) continue;
      for (const tip of tips) {
        if (!tipMatchesLine(tip, line, payer)) continue;
        let partners: LineView[] | undefined;
        if (tip.withCodes) {
          partners = group.filter((o) => o !== line && tip.withCodes!.includes(o.code!));
          if (partners.length === 0) continue;
        }
        let set = hits.get(tip);
        if (!set) hits.set(tip, (set = new Set()));
        set.add(line.index);
        if (partners) for (const p of partners) set.add(p.index);
      }
    }
    for (const [tip, lines] of hits) {
      findings.push({
        rule: `tip.${tip.id}`,
        severity: tip.severity,
        lines: [...lines].sort((a, b) => a - b),
        message: tip.message,
        source: tip.source,
      });
    }
  }
  return findings;
}
