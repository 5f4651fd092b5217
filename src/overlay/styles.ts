/**
 * Styles live inside each shadow root: the page's CSS cannot reach the overlay and the
 * overlay's CSS cannot reach the page. `all: initial` stops inherited fonts and colours.
 */
const BASE = `
:host { all: initial; }
* { box-sizing: border-box; }
.cl { font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.sev-error { --sev: #b3261e; --sev-bg: #fdecea; }
.sev-warning { --sev: #8a5300; --sev-bg: #fff4e0; }
.sev-info { --sev: #0b57d0; --sev-bg: #e8f0fe; }
.sev-ok { --sev: #1e7d32; --sev-bg: #e6f4ea; }
.sev-quiet { --sev: #5f6368; --sev-bg: #f1f3f4; }
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 11px; color: #444; }
.source { display: block; font-size: 11px; color: #5f6368; margin-top: 2px; }
ul { margin: 0; padding: 0; list-style: none; }
`;

export const BADGE_STYLES = `${BASE}
.chip {
  display: inline-flex; align-items: center; gap: 4px; height: 20px; padding: 0 6px; /* = BADGE_HEIGHT_PX */
  border: 1px solid var(--sev); border-radius: 10px; background: var(--sev-bg); color: var(--sev);
  white-space: nowrap; font-weight: 600; font-size: 11px;
}
.dot { width: 8px; height: 8px; border-radius: 50%; background: var(--sev); flex: none; }
.fee { font-weight: 500; color: #1f2328; }
.details {
  position: absolute; top: 24px; left: 0; width: 340px; max-height: 360px; overflow: auto;
  background: #fff; border: 1px solid #c4c7c5; border-radius: 6px; padding: 8px 10px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18);
}
.details.up { top: auto; bottom: 24px; }
.details[hidden] { display: none; }
.details h2 { font-size: 12px; margin: 0 0 6px; font-weight: 600; }
.finding { border-left: 3px solid var(--sev); background: var(--sev-bg); padding: 4px 6px; margin: 0 0 6px; border-radius: 0 4px 4px 0; }
.finding .label { font-weight: 600; color: var(--sev); margin-right: 4px; }
.note { color: #5f6368; margin: 0 0 6px; }
.fees { border-top: 1px solid #e3e3e3; padding-top: 6px; margin-top: 4px; }
.fees dl { display: grid; grid-template-columns: auto auto; gap: 0 12px; margin: 0 0 4px; }
.fees dt { color: #5f6368; }
.fees dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.breakdown li { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 11px; color: #444; }
`;

export const SUMMARY_STYLES = `${BASE}
.panel {
  width: 300px; background: #fff; border: 1px solid #c4c7c5; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); overflow: hidden;
}
.head {
  display: flex; width: 100%; align-items: center; gap: 6px; padding: 6px 10px; border: 0;
  background: var(--sev-bg); color: var(--sev); text-align: left; font-weight: 600;
}
.head .title { flex: 1; }
.body { padding: 8px 10px; max-height: 320px; overflow: auto; }
.body[hidden] { display: none; }
.totals { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0 0 6px; }
.totals dt { color: #5f6368; }
.totals dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.finding { border-left: 3px solid var(--sev); background: var(--sev-bg); padding: 4px 6px; margin: 0 0 6px; border-radius: 0 4px 4px 0; }
.finding .label { font-weight: 600; color: var(--sev); margin-right: 4px; }
.hint { color: #5f6368; font-size: 11px; margin: 6px 0 0; }
`;
