/**
 * The public page's stylesheet, inline so the page is one file. Colours meet WCAG AA contrast (text
 * 4.5:1): the status colours are GOV.UK's, with white text on the dark ones and black on yellow.
 * Tables scroll sideways inside their region on a narrow screen instead of widening the page.
 */
export const PUBLIC_PAGE_CSS = `
:root { color: #0b0c0c; background: #ffffff; font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; line-height: 1.45; }
body { margin: 0 auto; max-width: 72rem; padding: 0 1rem 2rem; }
a { color: #1d70b8; }
a:focus, [tabindex]:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.skip-link { position: absolute; left: -9999px; }
.skip-link:focus { position: static; display: inline-block; margin: 0.5rem 0; padding: 0.25rem 0.5rem; background: #ffdd00; color: #0b0c0c; }
.site-header { border-bottom: 8px solid #1d70b8; margin-bottom: 1rem; }
.organisation { font-weight: 700; font-size: 1.2rem; margin: 0.75rem 0; }
.contents-heading { font-size: 1rem; margin-bottom: 0.25rem; }
nav ul { margin-top: 0; }
h1 { font-size: 2rem; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.5rem; margin-top: 2rem; border-top: 1px solid #b1b4b6; padding-top: 1rem; }
.lede { font-size: 1.15rem; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.5rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #0b0c0c; }
.number { text-align: right; white-space: nowrap; }
.code { font-weight: 700; white-space: nowrap; }
.status { display: inline-block; padding: 0 0.4rem; font-weight: 700; border-radius: 2px; }
.status-red { background: #d4351c; color: #ffffff; }
.status-amber { background: #ffdd00; color: #0b0c0c; }
.status-green { background: #00703c; color: #ffffff; }
.status-data-only, .status-missing { background: #505a5f; color: #ffffff; }
.status-due { background: #1d70b8; color: #ffffff; }
.exception { border-left: 5px solid #b1b4b6; padding-left: 1rem; margin: 1.5rem 0; }
dl div { display: flex; gap: 0.5rem; }
dt { font-weight: 700; min-width: 7rem; }
dd { margin: 0; }
.site-footer { border-top: 1px solid #b1b4b6; margin-top: 2rem; color: #505a5f; }
@media print { .skip-link, nav { display: none; } .table-wrap { overflow: visible; } }
`;
