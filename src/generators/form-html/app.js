// The script of the offline HTML form (`suplan generate --target form-html`). It runs in the
// browser: page.ts embeds `formApp.toString()` and calls it with the plan's form spec
// (form-spec.ts) and the data format's codec (src/data/codec.ts), so the form writes and reads
// exactly the data format. Self-contained: nothing outside this function's body is referenced.
// Checked by tsc with the DOM library: tsconfig.form.json in this folder (see its test).
//
// Storage: every change is written at once to localStorage, one key per record, under a prefix
// with the plan's id and version (every file:// page shares one origin in Chromium). Case codes
// that look like identity numbers are refused before anything is stored.

/**
 * @param {import('./form-spec.js').FormSpec} spec
 * @param {import('../../data/codec.js').DataCodec} codec
 */
export function formApp(spec, codec) {
    const PREFIX = spec.storagePrefix;
    const SEP = '\u0001';
    const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
    const store = window.localStorage;

    /** @typedef {{ unit: string, caseCode: string, point: string, occurrence: string, values: Record<string, string>, done?: boolean, saved: string }} StoredRecord */

    // ------------------------------------------------------------------ storage

    /** @param {string} unit @param {string} caseCode @param {string} point @param {string} occurrence */
    function recordKey(unit, caseCode, point, occurrence) {
        const repeated = spec.points.some(p => p.id === point && p.repeated);
        return [unit, caseCode, point, repeated ? occurrence : ''].join(SEP);
    }
    /** @param {string} unit @param {string} caseCode */
    function clientKey(unit, caseCode) { return [unit, caseCode].join(SEP); }

    /** @returns {Map<string, StoredRecord>} */
    function loadRecords() {
        const records = new Map();
        for (let i = 0; i < store.length; i++) {
            const key = store.key(i);
            if (key && key.startsWith(PREFIX + 'r:')) records.set(key.slice(PREFIX.length + 2), JSON.parse(/** @type {string} */ (store.getItem(key))));
        }
        return records;
    }
    /** @returns {Map<string, Record<string, string>>} */
    function loadClients() {
        const clients = new Map();
        for (let i = 0; i < store.length; i++) {
            const key = store.key(i);
            if (key && key.startsWith(PREFIX + 'c:')) clients.set(key.slice(PREFIX.length + 2), JSON.parse(/** @type {string} */ (store.getItem(key))));
        }
        return clients;
    }
    /** @param {string} key @param {StoredRecord} record */
    function saveRecord(key, record) {
        record.saved = new Date().toISOString();
        store.setItem(PREFIX + 'r:' + key, JSON.stringify(record));
        records.set(key, record);
    }
    /** @param {string} key @param {Record<string, string>} values */
    function saveClient(key, values) {
        store.setItem(PREFIX + 'c:' + key, JSON.stringify(values));
        clients.set(key, values);
    }
    /** @param {string} key */
    function removeRecord(key) {
        store.removeItem(PREFIX + 'r:' + key);
        records.delete(key);
    }

    let records = loadRecords();
    let clients = loadClients();
    /** @type {string | undefined} */
    let openKey;

    // ------------------------------------------------------------------ helpers

    /** @param {string} tag @param {Record<string, string>} [attributes] @param {string} [text] */
    function el(tag, attributes, text) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
        if (text !== undefined) node.textContent = text;
        return node;
    }
    /** @param {string} text */
    function announce(text) {
        const status = $('status');
        status.textContent = '';
        status.textContent = text;
    }
    function today() {
        const now = new Date();
        return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    }
    /** @param {string} id */
    function pointLabel(id) {
        const point = spec.points.find(p => p.id === id);
        return point ? point.label : id;
    }
    /** The column rule the codec checks a field's value with. @param {import('./form-spec.js').FieldSpec} field */
    function ruleOf(field) {
        return spec.columns.find(c => c.variable === field.id && c.kind === 'value') || { name: field.id, type: 'string', notApplicable: true };
    }
    const PROBLEMS = {
        integer: 'Skriv ett heltal.', number: 'Skriv ett tal (decimalkomma eller punkt).', date: 'Skriv ett datum ÅÅÅÅ-MM-DD.',
        code: 'Välj ett av alternativen.', range: 'Värdet ligger utanför det tillåtna intervallet.', notApplicable: 'Ogiltigt värde.',
    };
    /** A field's problem with a raw value, or ''. @param {import('./form-spec.js').FieldSpec} field @param {string} raw */
    function problemOf(field, raw) {
        if (raw === undefined || raw === '' || field.kind === 'multi') return '';
        if (field.kind === 'text') return codec.isIdentityNumber(raw) ? 'Skriv inte personnummer i fritext.' : '';
        const parsed = codec.parseValue(ruleOf(field), raw);
        if ('problem' in parsed) {
            if (parsed.problem === 'range') return `Värdet ska vara mellan ${field.min ?? '…'} och ${field.max ?? '…'}.`;
            return PROBLEMS[parsed.problem];
        }
        return '';
    }
    /** @param {string} problem */
    function caseCodeMessage(problem) {
        if (problem === 'identity') return 'Ärendekoden ser ut som ett personnummer eller samordningsnummer. Använd en pseudonym ärendekod.';
        if (problem === 'empty') return 'Skriv en ärendekod.';
        return 'Ärendekoden får bara innehålla bokstäver, siffror, -, _ och . (högst 40 tecken).';
    }

    // ------------------------------------------------------------------ values of an open record

    /** The storage key of a field's value in a record. @param {string} id @param {number | undefined} goal @param {string | undefined} respondent */
    function valueKey(id, goal, respondent) {
        return id + (goal !== undefined ? '#' + goal : '') + (respondent !== undefined ? '@' + respondent : '');
    }
    /** Whether a field is asked in a record at this point (and for this respondent). @param {import('./form-spec.js').FieldSpec} field @param {string} point */
    function askedAt(field, point) { return field.points === undefined || field.points.includes(point); }

    /**
     * A variable's value for a condition in the open record: the same respondent's, the record's,
     * or the client's. Multiple choice gives the chosen codes.
     * @param {StoredRecord} record @param {string} variable @param {number | undefined} goal @param {string | undefined} respondent
     */
    function conditionValue(record, variable, goal, respondent) {
        const field = spec.fields.find(f => f.id === variable);
        if (!field) return undefined;
        const g = field.perGoal ? goal : undefined;
        const client = clients.get(clientKey(record.unit, record.caseCode)) || {};
        const candidates = [valueKey(variable, g, respondent), valueKey(variable, g, undefined), ...(field.respondents || []).map(r => valueKey(variable, g, r))];
        let raw;
        for (const key of candidates) {
            const source = field.points === undefined ? client : record.values;
            if (source[key] !== undefined && source[key] !== '') { raw = source[key]; break; }
        }
        if (raw === undefined) return null;
        if (field.kind === 'multi') return raw.split(',').filter(x => x !== '').map(Number);
        const parsed = codec.parseValue(ruleOf(field), raw);
        return 'value' in parsed ? parsed.value : null;
    }

    // ------------------------------------------------------------------ the editor

    /** Rows of `svarande` for a point: the respondents, or one row without. @param {string} point */
    function sectionsAt(point) {
        const rows = spec.rowsAt[point] || [];
        return rows.length > 0 ? rows : [undefined];
    }

    /** @type {Array<{ field: import('./form-spec.js').FieldSpec, goal: number | undefined, respondent: string | undefined, wrapper: HTMLElement, client: boolean }>} */
    let shown = [];

    /** @param {string} key */
    function openRecord(key) {
        const record = records.get(key);
        if (!record) return;
        openKey = key;
        shown = [];
        const editor = $('editor');
        editor.hidden = false;
        $('editor-title').textContent = `Ärende ${record.caseCode} – ${pointLabel(record.point)} – ${record.occurrence}`;
        const body = $('editor-fields');
        body.replaceChildren();
        const clientFields = spec.fields.filter(f => f.points === undefined);
        if (clientFields.length > 0) body.append(section('Om klienten (registreras en gång per klient)', clientFields, record, undefined, true));
        const pointFields = spec.fields.filter(f => f.points !== undefined && askedAt(f, record.point));
        for (const respondent of sectionsAt(record.point)) {
            const fields = pointFields.filter(f => respondent === undefined || (f.respondents || ['ärende']).includes(respondent));
            if (fields.length === 0) continue;
            const title = respondent === undefined ? `Uppgifter vid ${pointLabel(record.point)}` : (spec.respondents.find(r => r.id === respondent) || { label: respondent }).label;
            body.append(section(title, fields, record, respondent, false));
        }
        refreshConditions();
        $('editor-title').focus();
    }

    /**
     * A fieldset of fields; per-goal fields repeat per goal, and items of a group that share a
     * scale become one grid.
     * @param {string} title @param {import('./form-spec.js').FieldSpec[]} fields @param {StoredRecord} record
     * @param {string | undefined} respondent @param {boolean} client
     */
    function section(title, fields, record, respondent, client) {
        const fieldset = el('fieldset', { class: 'section' });
        fieldset.append(el('legend', {}, title));
        const plain = fields.filter(f => !f.perGoal);
        for (let i = 0; i < plain.length; i++) {
            const field = plain[i];
            if (field.group && field.kind === 'choice') {
                const items = [field];
                while (i + 1 < plain.length && plain[i + 1].group && plain[i + 1].group?.id === field.group.id && sameCodes(plain[i + 1], field)) items.push(plain[++i]);
                if (items.length > 1) { fieldset.append(grid(items, record, respondent, client)); continue; }
            }
            fieldset.append(input(field, undefined, record, respondent, client));
        }
        const perGoal = fields.filter(f => f.perGoal);
        if (perGoal.length > 0) {
            const countKey = '#goals';
            const count = el('div', { class: 'field' });
            const id = `goals-${respondent || 'x'}`;
            count.append(el('label', { for: id }, 'Antal mål för klienten'));
            const select = /** @type {HTMLSelectElement} */ (el('select', { id }));
            for (let g = 1; g <= spec.goals; g++) select.append(el('option', { value: String(g) }, String(g)));
            select.value = record.values[countKey] || '1';
            select.addEventListener('change', () => { record.values[countKey] = select.value; persist(); refreshConditions(); });
            count.append(select);
            if (spec.goalsText) count.append(el('p', { class: 'help' }, spec.goalsText));
            fieldset.append(count);
            for (let g = 1; g <= spec.goals; g++) {
                const goalSet = el('fieldset', { class: 'goal', 'data-goal': String(g) });
                goalSet.append(el('legend', {}, `Mål ${g}`));
                for (const field of perGoal) goalSet.append(input(field, g, record, respondent, client));
                fieldset.append(goalSet);
            }
        }
        return fieldset;
    }

    /** @param {import('./form-spec.js').FieldSpec} a @param {import('./form-spec.js').FieldSpec} b */
    function sameCodes(a, b) { return JSON.stringify(a.codes) === JSON.stringify(b.codes) && a.condition === undefined && b.condition === undefined; }

    let counter = 0;
    /** @param {import('./form-spec.js').FieldSpec} field @param {number | undefined} goal @param {StoredRecord} record @param {string | undefined} respondent @param {boolean} client */
    function storageOf(field, goal, record, respondent, client) {
        const key = valueKey(field.id, goal, client ? (field.respondents ? respondent : undefined) : respondent);
        const ck = clientKey(record.unit, record.caseCode);
        return {
            get: () => (client ? (clients.get(ck) || {}) : record.values)[key],
            set: (/** @type {string | undefined} */ value) => {
                if (client) {
                    const values = { ...(clients.get(ck) || {}) };
                    if (value === undefined) delete values[key]; else values[key] = value;
                    saveClient(ck, values);
                } else {
                    if (value === undefined) delete record.values[key]; else record.values[key] = value;
                    persist();
                }
            },
        };
    }

    function persist() {
        if (openKey === undefined) return;
        const record = records.get(openKey);
        if (!record) return;
        record.done = false;
        saveRecord(openKey, record);
        renderList();
    }

    /** One field: label, help (the definition), the control, and a place for its message. @param {import('./form-spec.js').FieldSpec} field @param {number | undefined} goal @param {StoredRecord} record @param {string | undefined} respondent @param {boolean} client */
    function input(field, goal, record, respondent, client) {
        const id = `f${++counter}`;
        const wrapper = el('div', { class: 'field' });
        const value = storageOf(field, goal, record, respondent, client);
        const help = field.definition ? el('p', { class: 'help', id: `${id}-help` }, field.definition) : undefined;
        const message = el('p', { class: 'error', id: `${id}-error` });
        const describedBy = [help ? `${id}-help` : '', `${id}-error`].filter(Boolean).join(' ');
        const required = !field.optional;
        const labelText = field.label + (field.unit ? ` (${field.unit})` : '');
        /** @param {string} text */
        const showProblem = text => {
            message.textContent = text;
            wrapper.classList.toggle('invalid', text !== '');
            for (const control of wrapper.querySelectorAll('input, select, textarea')) control.setAttribute('aria-invalid', text !== '' ? 'true' : 'false');
        };
        if (field.kind === 'choice' || field.kind === 'multi') {
            const group = el('fieldset', { class: 'choices', 'aria-describedby': describedBy });
            const legend = el('legend', {}, labelText);
            if (required && field.kind === 'choice') legend.append(el('span', { class: 'required' }, ' (obligatorisk)'));
            group.append(legend);
            const current = value.get();
            const chosen = current === undefined ? [] : current.split(',');
            for (const option of field.codes || []) {
                const optionId = `${id}-${option.code}`;
                const box = el('div', { class: 'option' });
                const control = /** @type {HTMLInputElement} */ (el('input', { type: field.kind === 'multi' ? 'checkbox' : 'radio', id: optionId, name: id, value: String(option.code) }));
                control.checked = chosen.includes(String(option.code));
                control.addEventListener('change', () => {
                    const picked = [...group.querySelectorAll('input:checked')].map(c => /** @type {HTMLInputElement} */ (c).value);
                    value.set(picked.join(','));
                    showProblem('');
                    refreshConditions();
                });
                box.append(control, el('label', { for: optionId }, option.label));
                group.append(box);
            }
            if (field.kind === 'choice' && !required) {
                const clear = el('button', { type: 'button', class: 'link' }, 'Rensa svaret');
                clear.addEventListener('click', () => {
                    for (const c of group.querySelectorAll('input')) /** @type {HTMLInputElement} */ (c).checked = false;
                    value.set(undefined);
                    refreshConditions();
                });
                group.append(clear);
            }
            wrapper.append(group);
        } else {
            const label = el('label', { for: id }, labelText);
            if (required) label.append(el('span', { class: 'required' }, ' (obligatorisk)'));
            const attributes = { id, name: id, 'aria-describedby': describedBy };
            /** @type {HTMLInputElement | HTMLTextAreaElement} */
            let control;
            if (field.kind === 'text') {
                control = /** @type {HTMLTextAreaElement} */ (el('textarea', { ...attributes, rows: '2', maxlength: '500' }));
            } else if (field.kind === 'date') {
                control = /** @type {HTMLInputElement} */ (el('input', { ...attributes, type: 'date', ...(spec.period ? { min: spec.period.start } : {}) }));
            } else {
                control = /** @type {HTMLInputElement} */ (el('input', { ...attributes, type: 'text', inputmode: field.kind === 'integer' ? 'numeric' : 'decimal', autocomplete: 'off' }));
                if (field.min !== undefined || field.max !== undefined) label.append(el('span', { class: 'range' }, ` ${field.min ?? ''}–${field.max ?? ''}`));
            }
            if (required) control.setAttribute('aria-required', 'true');
            control.value = value.get() || '';
            control.addEventListener('input', () => {
                const raw = control.value;
                const problem = problemOf(field, raw);
                showProblem(problem);
                // An identity number is never stored; anything else is kept as typed, even when wrong,
                // so that closing the tab loses nothing.
                if (field.kind === 'text' && problem !== '') return;
                value.set(raw === '' ? undefined : raw);
                refreshConditions();
            });
            wrapper.append(label, control);
            showProblem(problemOf(field, control.value));
        }
        if (help) wrapper.append(help);
        wrapper.append(message);
        shown.push({ field, goal, respondent, wrapper, client });
        /** @type {any} */ (wrapper).check = () => {
            const raw = value.get();
            const problem = problemOf(field, raw || '');
            if (problem) { showProblem(problem); return false; }
            if (required && field.kind !== 'multi' && (raw === undefined || raw === '')) { showProblem('Obligatorisk uppgift saknas.'); return false; }
            showProblem('');
            return true;
        };
        return wrapper;
    }

    /** Items of a group that share a scale, as a grid: one row per item, one column per value. @param {import('./form-spec.js').FieldSpec[]} items @param {StoredRecord} record @param {string | undefined} respondent @param {boolean} client */
    function grid(items, record, respondent, client) {
        const first = items[0];
        const id = `g${++counter}`;
        const wrapper = el('div', { class: 'field grid' });
        const table = el('table');
        table.append(el('caption', {}, first.group ? first.group.label : ''));
        const head = el('tr');
        head.append(el('td'));
        for (const option of first.codes || []) head.append(el('th', { scope: 'col', id: `${id}-c${option.code}` }, `${option.code} ${option.label}`));
        table.append(el('thead'), el('tbody'));
        /** @type {HTMLElement} */ (table.querySelector('thead')).append(head);
        items.forEach((field, row) => {
            const value = storageOf(field, undefined, record, respondent, client);
            const tr = el('tr', { class: 'grid-row' });
            const rowId = `${id}-r${row}`;
            const th = el('th', { scope: 'row', id: rowId }, field.label);
            if (!field.optional) th.append(el('span', { class: 'required' }, ' (obligatorisk)'));
            tr.append(th);
            for (const option of field.codes || []) {
                const td = el('td');
                const control = /** @type {HTMLInputElement} */ (el('input', { type: 'radio', name: `${id}-r${row}`, value: String(option.code), 'aria-labelledby': `${rowId} ${id}-c${option.code}` }));
                control.checked = value.get() === String(option.code);
                control.addEventListener('change', () => { value.set(control.value); tr.classList.remove('invalid'); refreshConditions(); });
                td.append(control);
                tr.append(td);
            }
            /** @type {HTMLElement} */ (table.querySelector('tbody')).append(tr);
            shown.push({ field, goal: undefined, respondent, wrapper: tr, client });
            /** @type {any} */ (tr).check = () => {
                const ok = field.optional || (value.get() || '') !== '';
                tr.classList.toggle('invalid', !ok);
                if (!ok) message.textContent = 'Svar saknas på en eller flera rader.';
                return ok;
            };
        });
        const message = el('p', { class: 'error', id: `${id}-error` });
        wrapper.append(table, message);
        return wrapper;
    }

    /** Shows a conditional question only while its condition holds, and goals up to the chosen count. */
    function refreshConditions() {
        if (openKey === undefined) return;
        const record = records.get(openKey);
        if (!record) return;
        const goals = Number(record.values['#goals'] || '1');
        for (const goalSet of document.querySelectorAll('#editor-fields fieldset.goal')) {
            /** @type {HTMLElement} */ (goalSet).hidden = Number(goalSet.getAttribute('data-goal')) > goals;
        }
        for (const entry of shown) {
            if (!entry.field.condition) continue;
            const holds = codec.conditionHolds(entry.field.condition, variable => conditionValue(record, variable, entry.goal, entry.respondent));
            entry.wrapper.hidden = holds !== true;
        }
    }

    function finishRecord() {
        if (openKey === undefined) return;
        let first;
        for (const entry of shown) {
            if (entry.wrapper.hidden || entry.wrapper.closest('[hidden]')) continue;
            const ok = /** @type {any} */ (entry.wrapper).check();
            if (!ok && !first) first = entry.wrapper;
        }
        if (first) {
            const focusable = /** @type {HTMLElement | null} */ (first.querySelector('input, select, textarea'));
            if (focusable) focusable.focus();
            announce('Registreringen har fel eller saknade uppgifter; se meddelandena vid fälten. Allt du skrivit är sparat.');
            return;
        }
        const record = records.get(openKey);
        if (record) { record.done = true; saveRecord(openKey, record); }
        closeEditor();
        announce('Registreringen är klar och sparad.');
    }

    function closeEditor() {
        openKey = undefined;
        $('editor').hidden = true;
        $('editor-fields').replaceChildren();
        renderList();
        $('list-title').focus();
    }

    // ------------------------------------------------------------------ starting a record

    function startRecord(/** @type {Event} */ event) {
        event.preventDefault();
        const unitInput = /** @type {HTMLInputElement} */ ($('unit'));
        const caseInput = /** @type {HTMLInputElement} */ ($('case-code'));
        const pointInput = /** @type {HTMLSelectElement} */ ($('point'));
        const dateInput = /** @type {HTMLInputElement} */ ($('occurrence'));
        const unit = unitInput.value.trim();
        const caseCode = caseInput.value.trim();
        let ok = true;
        const unitError = $('unit-error');
        unitError.textContent = unit === '' ? 'Skriv enhetens namn.' : '';
        unitInput.setAttribute('aria-invalid', unit === '' ? 'true' : 'false');
        if (unit === '') ok = false;
        const problem = codec.caseCodeProblem(caseCode);
        $('case-code-error').textContent = problem ? caseCodeMessage(problem) : '';
        caseInput.setAttribute('aria-invalid', problem ? 'true' : 'false');
        if (problem) ok = false;
        const date = dateInput.value;
        const dateOk = codec.isDate(date);
        $('occurrence-error').textContent = dateOk ? '' : 'Skriv ett datum ÅÅÅÅ-MM-DD.';
        dateInput.setAttribute('aria-invalid', dateOk ? 'false' : 'true');
        if (!dateOk) ok = false;
        if (!ok) {
            const firstBad = /** @type {HTMLElement} */ (document.querySelector('#start [aria-invalid="true"]'));
            if (firstBad) firstBad.focus();
            if (problem === 'identity') caseInput.value = '';
            return;
        }
        store.setItem(PREFIX + 'unit', unit);
        const key = recordKey(unit, caseCode, pointInput.value, date);
        if (!records.has(key)) {
            saveRecord(key, { unit, caseCode, point: pointInput.value, occurrence: date, values: {}, done: false, saved: '' });
            announce(`Ny registrering för ${caseCode} vid ${pointLabel(pointInput.value)} är sparad.`);
        } else {
            announce(`${caseCode} vid ${pointLabel(pointInput.value)} fanns redan och har öppnats.`);
        }
        caseInput.value = '';
        renderList();
        openRecord(key);
    }

    // ------------------------------------------------------------------ the list

    function renderList() {
        const body = $('records');
        const sorted = [...records.entries()].sort((a, b) => (a[1].caseCode + a[1].point + a[1].occurrence).localeCompare(b[1].caseCode + b[1].point + b[1].occurrence, 'sv'));
        const fragment = document.createDocumentFragment();
        for (const [key, record] of sorted) {
            const tr = el('tr');
            tr.append(el('td', {}, record.caseCode), el('td', {}, record.unit), el('td', {}, pointLabel(record.point)), el('td', {}, record.occurrence),
                el('td', {}, record.done ? 'Klar' : 'Ej klar'));
            const actions = el('td');
            const edit = el('button', { type: 'button', 'data-key': key, 'data-action': 'edit' }, 'Redigera');
            edit.setAttribute('aria-label', `Redigera ${record.caseCode}, ${pointLabel(record.point)}, ${record.occurrence}`);
            const remove = el('button', { type: 'button', 'data-key': key, 'data-action': 'delete' }, 'Ta bort');
            remove.setAttribute('aria-label', `Ta bort ${record.caseCode}, ${pointLabel(record.point)}, ${record.occurrence}`);
            actions.append(edit, ' ', remove);
            tr.append(actions);
            fragment.append(tr);
        }
        body.replaceChildren(fragment);
        $('count').textContent = `${records.size} ${records.size === 1 ? 'registrering' : 'registreringar'} sparade i den här webbläsaren.`;
    }

    /** @param {Event} event */
    function onListClick(event) {
        const button = /** @type {HTMLElement} */ (event.target).closest('button');
        if (!button) return;
        const key = button.getAttribute('data-key') || '';
        const record = records.get(key);
        if (!record) return;
        if (button.getAttribute('data-action') === 'edit') openRecord(key);
        if (button.getAttribute('data-action') === 'delete') {
            if (!window.confirm(`Ta bort registreringen för ${record.caseCode} vid ${pointLabel(record.point)} (${record.occurrence})? Det går inte att ångra.`)) return;
            if (openKey === key) closeEditor();
            removeRecord(key);
            renderList();
            announce('Registreringen är borttagen.');
        }
    }

    function eraseClient() {
        const input = /** @type {HTMLInputElement} */ ($('erase-code'));
        const code = input.value.trim();
        const keys = [...records.entries()].filter(([, r]) => r.caseCode === code).map(([k]) => k);
        const clientKeys = [...clients.keys()].filter(k => k.split(SEP)[1] === code);
        if (keys.length === 0 && clientKeys.length === 0) { announce(`Det finns inga registreringar för ${code}.`); return; }
        if (!window.confirm(`Radera alla ${keys.length} registreringar för ${code} i den här webbläsaren? Det går inte att ångra.`)) return;
        if (openKey !== undefined && keys.includes(openKey)) closeEditor();
        for (const key of keys) removeRecord(key);
        for (const key of clientKeys) { store.removeItem(PREFIX + 'c:' + key); clients.delete(key); }
        input.value = '';
        renderList();
        announce(`Alla registreringar för ${code} är raderade.`);
    }

    // ------------------------------------------------------------------ export

    /** The data rows of every record, in the data format. */
    function dataRows() {
        /** @type {Array<Record<string, any>>} */
        const rows = [];
        const sorted = [...records.values()].sort((a, b) => (a.unit + SEP + a.caseCode + SEP + a.point + SEP + a.occurrence).localeCompare(b.unit + SEP + b.caseCode + SEP + b.point + SEP + b.occurrence));
        for (const record of sorted) {
            const client = clients.get(clientKey(record.unit, record.caseCode)) || {};
            const goals = Number(record.values['#goals'] || '1');
            for (const respondent of sectionsAt(record.point)) {
                /** @type {Record<string, any>} */
                const row = {};
                for (const column of spec.columns) {
                    if (column.kind === 'key') {
                        row[column.name] = { plan: spec.planId, planVersion: spec.planVersion || null, unit: record.unit, caseCode: record.caseCode, point: record.point, occurrence: record.occurrence, respondent: respondent ?? null }[column.key || 'plan'];
                        continue;
                    }
                    row[column.name] = cellOf(column, record, client, respondent, goals);
                }
                rows.push(row);
            }
        }
        return rows;
    }

    /** @param {any} column @param {StoredRecord} record @param {Record<string, string>} client @param {string | undefined} respondent @param {number} goals */
    function cellOf(column, record, client, respondent, goals) {
        if (column.points && !column.points.includes(record.point)) return null;
        if (column.respondents && respondent !== undefined && !column.respondents.includes(respondent)) return null;
        const field = spec.fields.find(f => f.id === column.variable);
        if (!field) return null;
        if (column.goal !== undefined && column.goal > goals) return { notApplicable: true };
        if (field.condition) {
            const holds = codec.conditionHolds(field.condition, variable => conditionValue(record, variable, column.goal, respondent));
            if (holds === false) return { notApplicable: true };
        }
        const source = column.points === undefined ? client : record.values;
        const raw = source[valueKey(field.id, column.goal, column.respondents ? respondent : undefined)];
        if (raw === undefined || raw === '') return column.kind === 'option' && raw === '' ? 0 : null;
        if (column.kind === 'option') return raw.split(',').includes(String(column.option)) ? 1 : 0;
        if (column.kind === 'original') return field.originals ? (field.originals[raw] ?? null) : null;
        const parsed = codec.parseValue(column, raw);
        return 'value' in parsed ? parsed.value : null;
    }

    /** Records with a value that is not valid (they block the export). */
    function invalidRecords() {
        const bad = [];
        for (const record of records.values()) {
            const client = clients.get(clientKey(record.unit, record.caseCode)) || {};
            for (const field of spec.fields) {
                if (field.kind === 'multi') continue;
                const sources = field.points === undefined ? client : record.values;
                for (const [key, raw] of Object.entries(sources)) {
                    if (key.split(/[#@]/)[0] === field.id && problemOf(field, raw)) { bad.push(`${record.caseCode} (${pointLabel(record.point)}, ${record.occurrence}): ${field.label}`); }
                }
            }
        }
        return bad;
    }

    function exportData() {
        performance.mark('suplan-export-start');
        const bad = invalidRecords();
        if (bad.length > 0) {
            announce(`Exporten stoppades: rätta först ${bad.length === 1 ? 'det felaktiga värdet' : `${bad.length} felaktiga värden`}: ${bad.slice(0, 5).join('; ')}.`);
            return;
        }
        const stamp = today();
        const name = `${spec.planId}${spec.planVersion ? '-' + spec.planVersion : ''}-${stamp}`;
        const header = spec.columns.map(c => c.name);
        const lines = dataRows().map(row => spec.columns.map(c => codec.formatValue(c, row[c.name], ',')));
        const csv = '\uFEFF' + codec.formatCsv([header, ...lines], ';');
        const descriptor = JSON.parse(JSON.stringify(spec.dataPackage));
        descriptor.resources[0].path = `${name}.csv`;
        descriptor.resources[0].name = descriptor.resources[0].name.replace(/^data$/, 'data');
        download(`${name}.csv`, csv, 'text/csv;charset=utf-8');
        download(`${name}.datapackage.json`, JSON.stringify(descriptor, null, 2) + '\n', 'application/json');
        announce(`Exporterade ${lines.length} rader till ${name}.csv och ${name}.datapackage.json.`);
        performance.mark('suplan-export-end');
        if (/** @type {HTMLInputElement} */ ($('clear-after')).checked) {
            if (window.confirm(`Har du kontrollerat att ${name}.csv är sparad där den ska förvaras? Då töms webbläsarens kopia av alla ${records.size} registreringar.`)) {
                for (const key of [...records.keys()]) removeRecord(key);
                for (const key of [...clients.keys()]) { store.removeItem(PREFIX + 'c:' + key); clients.delete(key); }
                renderList();
                announce(`Exporterade ${lines.length} rader; webbläsarens kopia är tömd.`);
            }
        }
    }

    /** @param {string} name @param {string} text @param {string} type */
    function download(name, text, type) {
        const link = /** @type {HTMLAnchorElement} */ (el('a', { download: name }));
        link.href = URL.createObjectURL(new Blob([text], { type }));
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }

    // ------------------------------------------------------------------ import

    /** @param {string} text */
    function importText(text) {
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const parsed = codec.parseCsv(body, codec.detectDelimiter(body));
        if (parsed.unterminated !== undefined) return { errors: [`rad ${parsed.unterminated}: ett citattecken avslutas aldrig`] };
        const [head, ...data] = parsed.records;
        const header = head ? head.cells.map(h => h.trim()) : [];
        const errors = [];
        const missing = spec.columns.filter(c => !header.includes(c.name)).map(c => c.name);
        const unknown = header.filter(h => !spec.columns.some(c => c.name === h));
        if (missing.length > 0) errors.push(`kolumner saknas: ${missing.join(', ')}`);
        if (unknown.length > 0) errors.push(`okända kolumner: ${unknown.join(', ')}`);
        if (errors.length > 0) return { errors };
        /** @type {Map<string, StoredRecord>} */
        const incoming = new Map();
        /** @type {Map<string, Record<string, string>>} */
        const incomingClients = new Map();
        for (const line of data) {
            /** @type {Record<string, any>} */
            const row = {};
            for (const column of spec.columns) {
                const raw = line.cells[header.indexOf(column.name)] ?? '';
                const value = codec.parseValue(column, raw);
                if ('problem' in value) { errors.push(`rad ${line.line}, kolumn ${column.name}: "${raw}" är inte giltigt`); continue; }
                row[column.name] = value.value;
            }
            const keyOf = (/** @type {string} */ k) => row[(spec.columns.find(c => c.key === k) || { name: k }).name];
            if (keyOf('plan') !== spec.planId || String(keyOf('planVersion') ?? '') !== spec.planVersion) {
                errors.push(`rad ${line.line}: hör till planen ${keyOf('plan')} version ${keyOf('planVersion') ?? ''}, inte ${spec.planId} version ${spec.planVersion}`);
                continue;
            }
            const caseCode = String(keyOf('caseCode') ?? '');
            const problem = codec.caseCodeProblem(caseCode);
            if (problem) { errors.push(`rad ${line.line}: ${caseCodeMessage(problem)}`); continue; }
            const unit = String(keyOf('unit') ?? '');
            const point = String(keyOf('point') ?? '');
            const occurrence = String(keyOf('occurrence') ?? '');
            const respondent = keyOf('respondent') ?? undefined;
            const key = recordKey(unit, caseCode, point, occurrence);
            const record = incoming.get(key) || { unit, caseCode, point, occurrence, values: {}, done: true, saved: '' };
            incoming.set(key, record);
            const ck = clientKey(unit, caseCode);
            const client = incomingClients.get(ck) || {};
            incomingClients.set(ck, client);
            let goals = Number(record.values['#goals'] || '0');
            for (const column of spec.columns) {
                const value = row[column.name];
                if (column.kind === 'key' || column.kind === 'original' || value === null || value === undefined) continue;
                if (typeof value === 'object') continue; // ej aktuell: follows from the other answers
                if (column.goal !== undefined) goals = Math.max(goals, column.goal);
                const target = column.points === undefined ? client : record.values;
                const vk = valueKey(column.variable || '', column.goal, column.respondents ? respondent : undefined);
                if (column.kind === 'option') {
                    const chosen = (target[vk] || '').split(',').filter(x => x !== '');
                    if (value === 1) chosen.push(String(column.option));
                    target[vk] = chosen.join(',');
                } else {
                    target[vk] = column.type === 'number' ? String(value).replace('.', ',') : String(value);
                }
            }
            if (spec.goals > 0) record.values['#goals'] = String(Math.max(1, goals));
        }
        if (errors.length > 0) return { errors };
        let added = 0; let same = 0; let kept = 0;
        for (const [key, record] of incoming) {
            const existing = records.get(key);
            if (!existing) { saveRecord(key, record); added++; continue; }
            if (JSON.stringify(sortedValues(existing.values)) === JSON.stringify(sortedValues(record.values))) same++;
            else kept++;
        }
        for (const [key, values] of incomingClients) {
            const existing = clients.get(key) || {};
            saveClient(key, { ...values, ...existing });
        }
        renderList();
        return { added, same, kept };
    }

    /** @param {Record<string, string>} values */
    function sortedValues(values) { return Object.keys(values).sort().map(k => [k, values[k]]); }

    async function importFile() {
        const input = /** @type {HTMLInputElement} */ ($('import-file'));
        const file = input.files && input.files[0];
        if (!file) return;
        const bytes = new Uint8Array(await file.arrayBuffer());
        let text;
        try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = new TextDecoder('windows-1252').decode(bytes); }
        const result = importText(text);
        input.value = '';
        if ('errors' in result && result.errors) {
            announce(`Inget importerades: ${result.errors.slice(0, 5).join('; ')}${result.errors.length > 5 ? ` (och ${result.errors.length - 5} till)` : ''}.`);
            return;
        }
        announce(`Importerade ${result.added} nya registreringar; ${result.same} fanns redan likadana${result.kept ? `; ${result.kept} fanns redan med andra värden och behölls som de är här` : ''}.`);
    }

    // ------------------------------------------------------------------ start

    const pointSelect = $('point');
    for (const point of spec.points) pointSelect.append(el('option', { value: point.id }, point.label));
    /** @type {HTMLInputElement} */ ($('occurrence')).value = today();
    /** @type {HTMLInputElement} */ ($('unit')).value = store.getItem(PREFIX + 'unit') || '';
    $('start').addEventListener('submit', startRecord);
    $('records').addEventListener('click', onListClick);
    $('finish').addEventListener('click', finishRecord);
    $('close').addEventListener('click', () => { closeEditor(); announce('Registreringen är sparad (ej markerad som klar).'); });
    $('export').addEventListener('click', exportData);
    $('import-file').addEventListener('change', () => { importFile(); });
    $('erase').addEventListener('click', eraseClient);
    window.addEventListener('storage', () => { records = loadRecords(); clients = loadClients(); renderList(); });
    renderList();
    document.documentElement.setAttribute('data-ready', 'true');
    // For `npm run bench`: the list is interactive from here.
    performance.mark('suplan-ready');
}
