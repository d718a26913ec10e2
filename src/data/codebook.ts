import type { PlanModel } from '../model/plan-model.js';
import { mdCell, mdCode, mdTable, mdText } from '../text/markdown-escape.js';
import { dataLayout, type DataColumn, type DataLayout } from './columns.js';
import { periodText } from './period.js';

function valuesText(column: DataColumn): string {
    if (column.labels) return column.labels.map(l => `${l.code} = ${l.label}`).join('; ');
    if (column.values) return column.values.join(', ');
    const range = column.min !== undefined || column.max !== undefined ? ` ${column.min ?? ''}–${column.max ?? ''}` : '';
    switch (column.type) {
        case 'date': return 'datum ÅÅÅÅ-MM-DD';
        case 'integer': return `heltal${range}`;
        case 'number': return `tal${range}${column.decimals !== undefined ? `, ${column.decimals} decimaler` : ''}`;
        default: return 'text';
    }
}

function whereText(column: DataColumn): string {
    const points = column.points ? column.points.join(', ') : column.kind === 'key' ? 'alla rader' : 'alla rader (en gång per klient)';
    return column.respondents ? `${points}; svarande: ${column.respondents.join(', ')}` : points;
}

function conditionText(column: DataColumn): string {
    if (!column.condition) return '';
    return column.condition.map(p => 'codes' in p ? `${p.variable.replace('#', ' mål ')} i ${p.codes.join(', ')}` : `${p.variable.replace('#', ' mål ')} ${p.op} ${p.value}`).join(' och ');
}

/** The human codebook (Markdown, Swedish) that goes beside every data file. */
export function codebookMarkdown(model: PlanModel, layout: DataLayout = dataLayout(model)): string {
    const definitions = new Map(model.variables.map(v => [v.id, v.definition ?? v.catalogue?.comment]));
    const lines = [
        `# Kodbok: ${mdText(model.title)}`,
        '',
        `Plan ${mdCode(layout.planId)}${layout.planVersion ? `, version ${mdText(layout.planVersion)}` : ''}${model.period ? `, period ${mdText(periodText(model))}` : ''}.`,
        '',
        '## Så läses filen',
        '',
        '- Semikolonseparerad UTF-8 med BOM (öppnas direkt i svenska Excel); decimalkomma. Läsare tar också emot `,` som avgränsare, decimalpunkt, Windows-1252 och CRLF.',
        `- En rad per post: ärendekod, mätpunkt${layout.repeatedPoints.length > 0 ? ', tillfälle (datum, för upprepade mätpunkter)' : ''}${layout.respondents.length > 0 ? ' och svarande' : ''}. Nyckel: ${layout.primaryKey.map(mdCode).join(', ')}.`,
        '- Koder, inte etiketter, står i cellerna; etiketterna finns nedan.',
        '- **Tom cell** = uppgift saknas (internt bortfall). **`ej aktuell`** = frågan ställdes inte eftersom villkoret inte gällde; den räknas inte i någon nämnare.',
        '- En cell som börjar med `=`, `+`, `-`, `@`, tabb eller vagnretur (eller lyder `ej aktuell`) har fått ett inledande `\'` så att kalkylprogram inte tolkar den; läsaren tar bort det igen.',
        '- Uppgifter som registreras en gång per klient upprepas på varje rad för klienten. Härledda variabler lagras inte; de räknas fram.',
        '',
        '## Kolumner',
        '',
        mdTable(['Kolumn', 'Beskrivning', 'Värden', 'Rader', 'Villkor', 'Definition'], layout.columns.map(column => [
            mdCode(column.name),
            mdCell(column.title),
            mdCell(valuesText(column)),
            mdCell(whereText(column)),
            mdCell(conditionText(column)),
            mdCell(column.variable && column.kind === 'value' ? definitions.get(column.variable) : undefined),
        ])),
        '',
    ];
    return lines.join('\n');
}
