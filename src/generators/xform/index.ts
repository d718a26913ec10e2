/**
 * The `xform` target: `<plan>.xform.xml`, the ODK XForm of the plan's survey (src/data/survey.ts),
 * for ODK Collect, ODK Central, KoBoToolbox and Enketo. One submission is one record; ODK Central
 * and KoBoToolbox export CSV that `suplan data import` reads back into the data format.
 * Every plan text is escaped as XML character data; element names are the survey's names.
 */
import type { GeneratedFile, TargetContext } from '../target.js';
import type { PlanModel } from '../../model/plan-model.js';
import {
    buildSurvey, constraintXPath, surveyQuestions, surveyXPath, type Survey, type SurveyNode, type SurveyQuestion,
} from '../../data/index.js';

const ROOT = 'data';

function xmlText(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttr(text: string): string {
    return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const BIND_TYPES: Record<SurveyQuestion['type'], string> = {
    select_one: 'string', select_multiple: 'string', integer: 'int', decimal: 'decimal', date: 'date', text: 'string',
};

/** Each question's and group's absolute path, and the repeat it is in. */
function pathsOf(survey: Survey): { path: Map<string, string>; repeat: Map<string, string | undefined> } {
    const path = new Map<string, string>();
    const repeat = new Map<string, string | undefined>();
    const walk = (nodes: readonly SurveyNode[], parent: string, inRepeat: string | undefined): void => {
        for (const node of nodes) {
            const here = `${parent}/${node.name}`;
            path.set(node.name, here);
            repeat.set(node.name, inRepeat);
            if (node.kind !== 'question') walk(node.children, here, node.kind === 'repeat' ? here : inRepeat);
        }
    };
    walk(survey.nodes, `/${ROOT}`, undefined);
    return { path, repeat };
}

export function renderXForm(model: PlanModel): string {
    const survey = buildSurvey(model);
    const { path, repeat } = pathsOf(survey);
    const pointPath = path.get(surveyQuestions(survey).find(q => q.question.key === 'point')?.question.name ?? '') ?? '';
    /** A reference from a node: a sibling in the same repeat relatively (`../x`), anything else absolute. */
    const refFrom = (from: string) => (name: string): string => {
        const target = path.get(name) ?? `/${ROOT}/${name}`;
        const sameRepeat = repeat.get(from) !== undefined && repeat.get(from) === repeat.get(name);
        return sameRepeat ? `../${name}` : target;
    };

    const instance: string[] = [];
    const binds: string[] = [];
    const body: string[] = [];
    const indent = (depth: number): string => '  '.repeat(depth);

    const instanceOf = (nodes: readonly SurveyNode[], depth: number): void => {
        for (const node of nodes) {
            if (node.kind === 'question') instance.push(`${indent(depth)}<${node.name}/>`);
            else {
                instance.push(`${indent(depth)}<${node.name}${node.kind === 'repeat' ? ' jr:template=""' : ''}>`);
                instanceOf(node.children, depth + 1);
                instance.push(`${indent(depth)}</${node.name}>`);
            }
        }
    };
    instanceOf(survey.nodes, 5);

    const bindOf = (node: SurveyNode): void => {
        const attributes: string[] = [`nodeset="${xmlAttr(path.get(node.name) ?? '')}"`];
        if (node.kind === 'question') attributes.push(`type="${BIND_TYPES[node.type]}"`);
        if (node.relevant) attributes.push(`relevant="${xmlAttr(surveyXPath(node.relevant, refFrom(node.name), pointPath))}"`);
        if (node.kind === 'question') {
            if (node.required) attributes.push('required="true()"', `jr:requiredMsg="${xmlAttr('Obligatorisk uppgift saknas.')}"`);
            if (node.constraint) attributes.push(`constraint="${xmlAttr(constraintXPath(node.constraint))}"`);
            if (node.constraintMessage) attributes.push(`jr:constraintMsg="${xmlAttr(node.constraintMessage)}"`);
        }
        if (node.kind === 'question' || node.relevant) binds.push(`      <bind ${attributes.join(' ')}/>`);
        if (node.kind !== 'question') node.children.forEach(bindOf);
    };
    survey.nodes.forEach(bindOf);

    const listOf = new Map(survey.lists.map(l => [l.name, l]));
    const bodyOf = (node: SurveyNode, depth: number): void => {
        const ref = path.get(node.name) ?? '';
        if (node.kind === 'question') {
            const tag = node.type === 'select_one' ? 'select1' : node.type === 'select_multiple' ? 'select' : 'input';
            body.push(`${indent(depth)}<${tag} ref="${xmlAttr(ref)}">`);
            body.push(`${indent(depth + 1)}<label>${xmlText(node.label)}</label>`);
            if (node.hint) body.push(`${indent(depth + 1)}<hint>${xmlText(node.hint)}</hint>`);
            for (const choice of node.list ? listOf.get(node.list)?.choices ?? [] : []) {
                body.push(`${indent(depth + 1)}<item><label>${xmlText(choice.label)}</label><value>${xmlText(choice.name)}</value></item>`);
            }
            body.push(`${indent(depth)}</${tag}>`);
            return;
        }
        body.push(`${indent(depth)}<group ref="${xmlAttr(ref)}">`);
        body.push(`${indent(depth + 1)}<label>${xmlText(node.label)}</label>`);
        if (node.kind === 'repeat') {
            const count = node.count ? path.get(node.count) : undefined;
            body.push(`${indent(depth + 1)}<repeat nodeset="${xmlAttr(ref)}"${count ? ` jr:count="${xmlAttr(count)}" jr:noAddRemove="true()"` : ''}>`);
            node.children.forEach(child => bodyOf(child, depth + 2));
            body.push(`${indent(depth + 1)}</repeat>`);
        } else {
            node.children.forEach(child => bodyOf(child, depth + 1));
        }
        body.push(`${indent(depth)}</group>`);
    };
    survey.nodes.forEach(node => bodyOf(node, 2));

    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" xmlns:odk="http://www.opendatakit.org/xforms">',
        '  <h:head>',
        `    <h:title>${xmlText(survey.title)}</h:title>`,
        '    <model odk:xforms-version="1.0.0">',
        '      <instance>',
        `        <${ROOT} id="${xmlAttr(survey.formId)}" version="${xmlAttr(survey.version)}">`,
        ...instance,
        '          <meta>',
        '            <instanceID/>',
        '          </meta>',
        `        </${ROOT}>`,
        '      </instance>',
        ...binds,
        `      <bind nodeset="/${ROOT}/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>`,
        '    </model>',
        '  </h:head>',
        '  <h:body>',
        ...body,
        '  </h:body>',
        '</h:html>',
        '',
    ].join('\n');
}

export function generateXForm(model: PlanModel, context: TargetContext): GeneratedFile[] {
    return [{ path: `${context.baseName}.xform.xml`, content: renderXForm(model) }];
}

