package org.sweeplab.analysis;

/** The inline CSS and JavaScript of report.html ({@link HtmlReport}); no external resource. */
final class HtmlReportAssets {

  private HtmlReportAssets() {}

  /** Laptop-width reading, tables that scroll sideways rather than squeeze, and print rules. */
  static final String CSS =
      """
      :root { --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --band: #f6f8fa; --accent: #0969da; }
      * { box-sizing: border-box; }
      body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI",
        "DejaVu Sans", sans-serif; }
      main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
      h1 { font-size: 1.8em; margin: 0 0 12px; }
      h2 { font-size: 1.35em; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
      h3 { font-size: 1.1em; margin: 22px 0 6px; }
      p, li { max-width: 90ch; }
      code { font: 0.9em ui-monospace, "DejaVu Sans Mono", monospace; background: var(--band); padding: 0 3px;
        border-radius: 3px; }
      nav.contents ul { list-style: none; padding: 0; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px 16px; }
      nav.contents li.level3 { font-size: 0.9em; }
      nav.contents a { color: var(--accent); text-decoration: none; }
      div.table { overflow-x: auto; margin: 8px 0 12px; max-height: 80vh; overflow-y: auto; }
      table { border-collapse: collapse; font-size: 13px; }
      th, td { padding: 3px 9px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
      th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid var(--muted); }
      table.sortable th { cursor: pointer; user-select: none; }
      table.sortable th:hover { color: var(--accent); }
      details[open] + div.preview { display: none; }
      th[aria-sort="ascending"]::after { content: " \\25B2"; font-size: 0.8em; }
      th[aria-sort="descending"]::after { content: " \\25BC"; font-size: 0.8em; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      tbody tr:nth-child(even) { background: var(--band); }
      details { margin: 8px 0 12px; }
      summary { cursor: pointer; color: var(--accent); }
      figure { margin: 16px 0 24px; }
      figure div.figure svg, figure div.figure img { max-width: 100%; height: auto; display: block; }
      figcaption { color: var(--muted); font-size: 0.9em; margin-top: 4px; }
      p.note { color: var(--muted); font-size: 0.9em; }
      @media print {
        body { font-size: 10pt; }
        main { max-width: none; padding: 0; }
        nav.contents, summary, div.preview { display: none; }
        div.table { overflow: visible; max-height: none; }
        table { font-size: 7.5pt; }
        th { position: static; }
        h2, h3 { break-after: avoid; }
        figure, tr { break-inside: avoid; }
        a { color: inherit; text-decoration: none; }
      }
      @page { margin: 14mm; }
      """;

  /**
   * Sorts a table by a click on a heading (again to reverse): numbers by their full value, text by
   * its words, empty cells last either way. Opens every folded table before printing.
   */
  static final String SCRIPT =
      """
      (function () {
        function key(td, numeric) {
          if (!td) return null;
          if (numeric) { var v = td.getAttribute('data-v'); return v === null || v === '' ? null : parseFloat(v); }
          var t = td.textContent; return t === '' ? null : t;
        }
        document.querySelectorAll('table.sortable').forEach(function (table) {
          var heads = table.tHead.rows[0].cells;
          Array.prototype.forEach.call(heads, function (th, col) {
            th.addEventListener('click', function () {
              var numeric = th.classList.contains('num');
              var down = th.getAttribute('aria-sort') === 'ascending';
              Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = key(a.cells[col], numeric), y = key(b.cells[col], numeric);
                if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
                var c = numeric ? x - y : x.localeCompare(y, undefined, {numeric: true});
                return down ? -c : c;
              });
              rows.forEach(function (r) { body.appendChild(r); });
            });
          });
        });
        window.addEventListener('beforeprint', function () {
          document.querySelectorAll('details').forEach(function (d) { d.open = true; });
        });
      })();
      """;
}
