/**
 * The Handlebars template of the HTML report, also the page that Chromium prints to PDF and PNG.
 * It is self-contained: styles, Chart.js and the chart data are inline, and the Content Security
 * Policy blocks every network request.
 *
 * Print rules: table rows never break across pages (`break-inside: avoid`), and a table's header
 * row repeats on each page (`thead` as `table-header-group`).
 */
export const REPORT_HTML_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="kaireon-dashboards">
<title>{{title}}</title>
<style>
  @page { size: A4; margin: 14mm 12mm 16mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: {{{fontStack}}}; color: #1b1f24; margin: 0; padding: 24px; font-size: 12px; background: #fff; }
  @media print { body { padding: 0; } }
  h1 { font-size: 22px; margin: 0 0 8px; }
  h2 { font-size: 15px; margin: 0 0 6px; break-after: avoid; page-break-after: avoid; }
  .meta { border-collapse: collapse; margin-bottom: 18px; }
  .meta th { text-align: left; padding: 2px 12px 2px 0; color: #4a5360; font-weight: 600; white-space: nowrap; vertical-align: top; }
  .meta td { padding: 2px 0; }
  .panel { margin: 0 0 20px; }
  .panel.compact { break-inside: avoid; page-break-inside: avoid; }
  .description { color: #4a5360; margin: 0 0 6px; }
  .warning { border-left: 4px solid #b45309; background: #fff7ed; padding: 6px 10px; margin: 0 0 6px; }
  .note { color: #4a5360; margin: 0 0 4px; }
  .empty { border: 1px dashed #9aa3ad; padding: 10px; color: #4a5360; }
  .kpis { display: flex; flex-wrap: wrap; gap: 10px; }
  .kpi { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; min-width: 150px; break-inside: avoid; }
  .kpi .label { color: #4a5360; font-size: 11px; }
  .kpi .value { font-size: 18px; font-weight: 600; }
  .kpi .previous { color: #4a5360; font-size: 11px; }
  .chart { break-inside: avoid; page-break-inside: avoid; margin: 0 0 8px; }
  .chart canvas { width: 100%; height: auto; max-width: 1000px; }
  .annotations { color: #4a5360; font-size: 11px; margin: 0 0 6px; padding-left: 18px; }
  table.data { border-collapse: collapse; width: 100%; }
  table.data thead { display: table-header-group; }
  table.data tr, table.data td, table.data th { break-inside: avoid; page-break-inside: avoid; }
  table.data th, table.data td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
  table.data th { background: #f3f5f7; font-weight: 600; }
  table.data td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
</style>
</head>
<body data-font-stack="{{fontStack}}">
<header>
  <h1>{{title}}</h1>
  <table class="meta">
    {{#each meta}}<tr><th scope="row">{{label}}</th><td dir="auto">{{value}}</td></tr>
    {{/each}}
  </table>
</header>
{{#each panels}}
<section class="panel{{#if compact}} compact{{/if}}" id="panel-{{id}}">
  <h2 dir="auto">{{title}}</h2>
  {{#if description}}<p class="description" dir="auto">{{description}}</p>{{/if}}
  {{#if warning}}<p class="warning" dir="auto"><strong>Warning:</strong> {{warning}}</p>{{/if}}
  {{#each notes}}<p class="note" dir="auto">Note: {{this}}</p>{{/each}}
  {{#if empty}}
  <div class="empty" dir="auto"><strong>No data.</strong> {{emptyMessage}}</div>
  {{else}}
  {{#if kpis}}
  <div class="kpis">
    {{#each kpis}}<div class="kpi"><div class="label" dir="auto">{{label}}</div><div class="value">{{value}}</div>{{#if previous}}<div class="previous">previous {{previous}}{{#if change}}, change {{change}}{{/if}}</div>{{/if}}</div>
    {{/each}}
  </div>
  {{/if}}
  {{#if isChart}}
  <div class="chart" role="img" aria-label="{{title}}"><canvas id="chart-{{chartIndex}}" width="1000" height="320"></canvas></div>
  {{#if annotations.length}}<ul class="annotations">{{#each annotations}}<li dir="auto">{{at}}: {{title}} ({{kind}})</li>{{/each}}</ul>{{/if}}
  {{/if}}
  {{#if table}}
  <table class="data">
    <thead><tr>{{#each table.headers}}<th scope="col" dir="auto">{{this}}</th>{{/each}}</tr></thead>
    <tbody>
    {{#each table.rows}}<tr>{{#each this}}<td{{#if numeric}} class="number"{{else}} dir="auto"{{/if}}>{{text}}</td>{{/each}}</tr>
    {{/each}}
    </tbody>
  </table>
  {{/if}}
  {{/if}}
</section>
{{/each}}
<script type="application/json" id="report-charts">{{{chartsJson}}}</script>
<script>{{{chartLibrary}}}</script>
<script>{{{chartScript}}}</script>
</body>
</html>
`;
