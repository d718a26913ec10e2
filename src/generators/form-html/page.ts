import { dataCodec } from '../../data/codec.js';
import type { PlanModel } from '../../model/plan-model.js';
import { htmlText, jsonForScript } from '../../text/html-escape.js';
import { htmlPage } from '../html-page.js';
import { looksLikeIdentityNumber } from '../../text/identity-number.js';
import { formApp } from './app.js';
import { formSpec } from './form-spec.js';

/**
 * The offline form as one HTML file: markup and styles here, the plan as JSON in a
 * `<script type="application/json">`, and one script that runs `formApp` (app.js) with the data
 * format's codec. All plan text is escaped (`htmlText`, `jsonForScript`); nothing is fetched (the
 * Content-Security-Policy forbids every request).
 */
const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #8a8a8a; --accent: #0b4f9c; --error: #a10000; --bg: #ffffff; --soft: #f3f5f8; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
p.lead { color: var(--muted); margin-top: 0; }
section.panel { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem 1rem; margin: 1rem 0; background: var(--soft); }
.field { margin: .75rem 0; }
.field > label, legend { font-weight: 600; display: block; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: .75rem 0; background: var(--bg); }
fieldset.choices { border: none; padding: 0; margin: 0; background: none; }
fieldset.section > legend { font-size: 1.15rem; }
.option { display: flex; align-items: center; gap: .5rem; margin: .2rem 0; }
.option label { font-weight: 400; }
input[type=text], input[type=date], textarea, select { font: inherit; padding: .35rem .5rem; border: 1px solid #5f5f5f; border-radius: 4px; min-width: 12rem; background: #fff; color: var(--ink); }
textarea { width: 100%; }
input[type=radio], input[type=checkbox] { width: 1.15rem; height: 1.15rem; }
button { font: inherit; padding: .4rem .9rem; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
button.secondary, button.link { background: #fff; color: var(--accent); }
button.link { border: none; padding: .2rem 0; text-decoration: underline; }
:focus-visible { outline: 3px solid #e07b00; outline-offset: 2px; }
.help { color: var(--muted); font-size: .92rem; margin: .25rem 0 0; }
.required, .range { font-weight: 400; color: var(--muted); }
.error { color: var(--error); font-weight: 600; margin: .25rem 0 0; }
.error:empty { display: none; }
.invalid input, .invalid select, .invalid textarea, [aria-invalid=true] { border-color: var(--error); border-width: 2px; }
tr.invalid th { color: var(--error); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #c8c8c8; padding: .35rem .5rem; text-align: left; vertical-align: middle; }
.grid td { text-align: center; }
.grid thead th { font-weight: 600; font-size: .9rem; text-align: center; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
#status { min-height: 1.5rem; font-weight: 600; }
.actions { display: flex; gap: .75rem; flex-wrap: wrap; margin-top: 1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
@media print {
  .no-print, #list, #data, #start { display: none !important; }
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  fieldset, section.panel { break-inside: avoid; background: none; }
  #editor[hidden] { display: block !important; }
}
`;

export function renderFormPage(model: PlanModel): string {
    const spec = formSpec(model);
    const title = `${model.title} – registrering`;
    const script = `"use strict";(${formApp.toString()})(JSON.parse(document.getElementById('form-spec').textContent), (${dataCodec.toString()})(${looksLikeIdentityNumber.toString()}));`;
    return htmlPage({
        language: 'sv',
        title,
        csp: "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'",
        meta: [['suplan-plan', spec.planId], ['suplan-plan-version', spec.planVersion]],
        style: STYLE,
        body: `<main>
<h1>${htmlText(model.title)}</h1>
<p class="lead">Registreringsformulär för planen <strong>${htmlText(spec.planId)}</strong>${spec.planVersion ? `, version ${htmlText(spec.planVersion)}` : ''}.${model.question ? ` Frågan: ${htmlText(model.question)}` : ''}</p>
<p class="lead no-print">Allt du skriver sparas direkt i den här webbläsaren på den här datorn, också om fliken stängs. Exportera till en fil när du är klar och förvara filen enligt planen. Skriv aldrig namn eller personnummer – bara den lokala ärendekoden.</p>
<div id="status" role="status" aria-live="polite" class="no-print"></div>

<section class="panel" aria-labelledby="start-title">
<h2 id="start-title">Ny registrering</h2>
<form id="start" novalidate>
<div class="field"><label for="unit">Enhet <span class="required">(obligatorisk)</span></label>
<input type="text" id="unit" autocomplete="organization" aria-describedby="unit-help unit-error" aria-required="true">
<p class="help" id="unit-help">Enhetens namn, så att flera enheters data kan läggas samman. Sparas till nästa gång.</p>
<p class="error" id="unit-error"></p></div>
<div class="field"><label for="case-code">Ärendekod <span class="required">(obligatorisk)</span></label>
<input type="text" id="case-code" autocomplete="off" spellcheck="false" aria-describedby="case-code-help case-code-error" aria-required="true">
<p class="help" id="case-code-help">Den lokala pseudonyma koden för ärendet, till exempel E1-0001. Aldrig personnummer, samordningsnummer eller namn.</p>
<p class="error" id="case-code-error"></p></div>
<div class="field"><label for="point">Mätpunkt</label><select id="point"></select></div>
<div class="field"><label for="occurrence">Datum för registreringen</label>
<input type="date" id="occurrence" aria-describedby="occurrence-help occurrence-error">
<p class="help" id="occurrence-help">För upprepade mätpunkter: dagen registreringen gäller.</p>
<p class="error" id="occurrence-error"></p></div>
<button type="submit">Börja registrera</button>
</form>
</section>

<section id="editor" class="panel" hidden aria-labelledby="editor-title">
<h2 id="editor-title" tabindex="-1"></h2>
<p class="help">Varje svar sparas direkt. Obligatoriska uppgifter kontrolleras när du väljer Klar.</p>
<div id="editor-fields"></div>
<div class="actions no-print"><button type="button" id="finish">Klar</button><button type="button" id="close" class="secondary">Stäng (fortsätt senare)</button></div>
</section>

<section id="list" class="panel" aria-labelledby="list-title">
<h2 id="list-title" tabindex="-1">Sparade registreringar</h2>
<p id="count"></p>
<table>
<caption class="sr-only">Sparade registreringar</caption>
<thead><tr><th scope="col">Ärendekod</th><th scope="col">Enhet</th><th scope="col">Mätpunkt</th><th scope="col">Datum</th><th scope="col">Status</th><th scope="col">Åtgärder</th></tr></thead>
<tbody id="records"></tbody>
</table>
</section>

<section id="data" class="panel" aria-labelledby="data-title">
<h2 id="data-title">Export och import</h2>
<p>Exporten är en semikolonseparerad fil (öppnas i Excel) med en beskrivning av kolumnerna (datapackage.json).</p>
<div class="field"><input type="checkbox" id="clear-after"> <label for="clear-after" style="display:inline">Töm webbläsarens kopia efter exporten (du får bekräfta först)</label></div>
<div class="actions"><button type="button" id="export">Exportera</button></div>
<div class="field"><label for="import-file">Importera en tidigare export (för att fortsätta en annan dag)</label>
<input type="file" id="import-file" accept=".csv,text/csv"></div>
<div class="field"><label for="erase-code">Radera en klients registreringar (ärendekod)</label>
<input type="text" id="erase-code" autocomplete="off"> <button type="button" id="erase" class="secondary">Radera klienten</button></div>
</section>
</main>
<script type="application/json" id="form-spec">${jsonForScript(spec)}</script>
<script>${script}</script>`,
    });
}
