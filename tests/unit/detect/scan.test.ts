// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { clearMarks, readLine, scanPage } from '../../../src/detect/index';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const marks = (): string[] =>
  Array.from(document.querySelectorAll('[data-claimlens-field]')).map(
    (el) => `${el.getAttribute('name') ?? el.id}=${el.getAttribute('data-claimlens-field')}:${el.getAttribute('data-claimlens-line')}`,
  );

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scanPage groups fields into service lines', () => {
  test('repeated sibling containers become lines, in document order', () => {
    page(`<form>
      <div class="line"><label>CPT <input name="cpt[]" value="97110"></label><label>Units <input name="unit[]" value="2"></label></div>
      <div class="line"><label>CPT <input name="cpt[]" value="97140-GP"></label><label>Units <input name="unit[]" value="1"></label></div>
    </form>`);
    const forms = scanPage(document);
    expect(forms).toHaveLength(1);
    expect(forms[0]!.lines.map((l) => readLine(l))).toEqual([
      { code: '97110', modifiers: [], units: 2, diagnoses: [] },
      { code: '97140', modifiers: ['GP'], units: 1, diagnoses: [] },
    ]);
    expect(marks()).toEqual(['cpt[]=cpt:0', 'unit[]=units:0', 'cpt[]=cpt:1', 'unit[]=units:1']);
  });

  test('a quantity outside any service line is not marked', () => {
    page(`<form>
      <section><div class="line"><label>Procedure <input id="p" value="97530"></label><label>Units <input id="u" value="2"></label></div></section>
      <section><label>Quantity <input id="supply_qty" value="3"></label></section>
    </form>`);
    scanPage(document);
    expect(marks()).toEqual(['p=cpt:0', 'u=units:0']);
  });

  test('indexed names join fields laid out flat, without containers', () => {
    page(`<form><div>
      <input name="code_1" placeholder="CPT" value="97110"><input name="code_2" placeholder="CPT" value="97112">
      <input name="units_1" placeholder="Units" value="2"><input name="units_2" placeholder="Units" value="1">
    </div></form>`);
    const forms = scanPage(document);
    expect(forms[0]!.lines.map((l) => readLine(l))).toMatchObject([{ code: '97110', units: 2 }, { code: '97112', units: 1 }]);
  });

  test('decoys stay unmarked: ZIP 97530, claim number, NPI', () => {
    page(`<form>
      <label>ZIP <input name="zip" value="97530"></label>
      <label>Claim # <input name="claim_no" value="97110"></label>
      <label>NPI <input name="npi" value="1234567893"></label>
    </form>`);
    expect(scanPage(document)).toEqual([]);
    expect(marks()).toEqual([]);
  });

  test('a "Code" column holding ICD-10 codes is not a procedure line', () => {
    page(`<table><thead><tr><th>Code</th><th>Units</th></tr></thead>
      <tbody><tr><td>M54.50</td><td>1</td></tr><tr><td>97110</td><td>2</td></tr></tbody></table>`);
    const forms = scanPage(document);
    expect(forms.flatMap((f) => f.lines.map((l) => readLine(l).code))).toEqual(['97110']);
  });

  test('a column known only as "From" is a date of service only when it holds a date', () => {
    page(`<table><thead><tr><th>From</th><th>CPT</th><th>Units</th></tr></thead><tbody>
      <tr><td><input id="f0" value="11/20/2026"></td><td><input id="c0" value="97110"></td><td><input id="u0" value="1"></td></tr>
      <tr><td><input id="f1" value="Dr. Lee"></td><td><input id="c1" value="97140"></td><td><input id="u1" value="1"></td></tr>
    </tbody></table>`);
    scanPage(document);
    expect(marks()).toEqual(['f0=dos:0', 'c0=cpt:0', 'u0=units:0', 'c1=cpt:1', 'u1=units:1']);
  });

  test('a shop cart (product code 12345, quantity, price) is not a claim', () => {
    page(`<table><thead><tr><th>Product code</th><th>Qty</th><th>Price</th></tr></thead>
      <tbody><tr><td><input id="sku" value="12345"></td><td><input id="q" value="2"></td><td><input id="p" value="19.99"></td></tr></tbody></table>`);
    expect(scanPage(document)).toEqual([]);
  });

  test("a read-only cell's value ignores ClaimLens's own badge inside it", () => {
    page(`<table><thead><tr><th>CPT</th><th>Units</th></tr></thead>
      <tbody><tr><td><span data-claimlens-ui>⚠</span>97110</td><td>2<span data-claimlens-ui>1</span></td></tr></tbody></table>`);
    const [form] = scanPage(document);
    expect(readLine(form!.lines[0]!)).toMatchObject({ code: '97110', units: 2 });
  });

  test('marks of fields that are gone are removed on the next scan, and clearMarks removes all', () => {
    page(`<div class="line"><label>CPT <input id="a" value="97110"></label><label>Units <input id="b" value="1"></label></div>`);
    scanPage(document);
    expect(marks()).toHaveLength(2);
    document.getElementById('a')!.setAttribute('aria-label', 'Phone');
    document.getElementById('a')!.closest('label')!.replaceWith(document.getElementById('a')!);
    scanPage(document);
    expect(marks()).toEqual([]);
    page(`<div class="line"><label>CPT <input id="a" value="97110"></label></div>`);
    scanPage(document);
    clearMarks(document);
    expect(document.querySelectorAll('[data-claimlens-field], [data-claimlens-line]')).toHaveLength(0);
  });
});
