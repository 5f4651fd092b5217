/** The --help text. Exit statuses are part of the contract scripts rely on. */
export const HELP = `claimlens — check a medical claim offline: units, NCCI PTP edits, MUEs,
modifiers, coverage, and a Medicare fee estimate.

Usage:
  claimlens check FILE [options]     FILE is a claim .json or a .csv of service lines
  claimlens check - [options]        read the claim from standard input
  npm run check -- FILE [options]

Input:
  JSON  {"payer": "medicare", "locality": "01112-05", "setting": "non-facility",
         "lines": [{"code": "97530", "modifiers": ["GP"], "units": 2, "minutes": 30,
                    "dos": "2026-11-02"}]}
  CSV   header row, then one service line per row. Columns: code, modifiers, units,
        minutes, dos (YYYY-MM-DD or MM/DD/YYYY), and optionally diagnosis, charge.
        Codes may carry modifiers ("97530-GP"). The claim context comes from the options.

Options (override the claim file):
  --payer medicare|commercial|workers-comp
  --method cms|ama          how timed units are counted (default: cms; commercial: ama)
  --locality MAC-LL         Medicare locality as in the GPCI file, or "national"
  --setting non-facility|facility
  --non-par                 non-participating provider (--par for participating)
  --qp                      qualifying APM participant (2026 QP conversion factor)
  --ytd DOLLARS             PT and SLP allowed amounts already billed this year (KX threshold;
                            also counted for OT unless --ytd-ot is given)
  --ytd-ot DOLLARS          OT allowed amounts already billed this year (OT's own KX threshold)
  --percent N               commercial / workers' comp fee as a percentage of Medicare
  --format json|csv         input format (default: by file extension, then by content)
  --json                    print {"findings": [...], "fees": {...}} as JSON
  -h, --help                show this help
  -V, --version             show the version

Exit status:
  0  no error findings (warnings and info may be present)
  1  the claim has at least one error finding
  2  bad input or usage: unreadable file, invalid JSON/CSV, a field that does not parse
  3  claimlens itself failed (e.g. the reference data in data/bundles is missing)

Nothing is sent anywhere: the reference data is read from data/bundles.
`;
