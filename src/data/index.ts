/**
 * The data format: what every form writes and the engine, the scripts and `suplan synth` read.
 *
 * - `dataLayout(model)` / `dataColumns(model)`: the columns of a plan's data file (columns.ts).
 * - `writeDataCsv(layout, rows)`: a data file (`;`, decimal comma, UTF-8 with BOM by default).
 * - `readDataFile(bytes)` / `readDataText(text)`: header and records, any of the accepted dialects.
 * - `validateData(model, table)`: typed rows and every problem with its line and column.
 * - `dataPackage(model, { path })`: `datapackage.json`; `codebookMarkdown(model)`: the codebook.
 * - `synthesize(model, { clients, seed, units })`: synthetic rows.
 * - `dataCodec`: the cell and CSV code that the HTML form embeds.
 * - `formSpec(model)`: the form model every form generator builds on (form-model.ts).
 * - `workbookColumns`, `workbookTable`: the registration workbook's data sheet (workbook.ts).
 * - `buildSurvey(model)`: the survey of the XLSForm and XForm (survey.ts); `odkTable`: their CSV exports read back.
 *
 * Nothing here imports a Node built-in or a package, so a form generator (which runs in the
 * language server too) may use any of it.
 */
export * from './types.js';
export { dataCodec, type DataCodec } from './codec.js';
export {
    CASE_RESPONDENT, KEY, NO_POINT, columnApplies, columnsOfVariable, dataColumns, dataLayout, keyName, planId,
    respondentsAt, storedVariables, type DataColumn, type DataLayout, type KeyName,
} from './columns.js';
export { writeDataCsv, writeDialect, type WriteOptions } from './write.js';
export { decodeDataBytes, readDataFile, readDataText, type RawTable } from './read.js';
export { validateData, type ValidatedData } from './validate.js';
export { dataPackage, packageName, tableSchemaField, type DataPackageOptions, type TableSchemaField } from './datapackage.js';
export { codebookMarkdown } from './codebook.js';
export { synthesize, type SynthOptions } from './synth.js';
export { issueMessage, issueText, type DataIssue, type DataIssueCode } from './messages.js';
export { dateFitsPeriod, periodText, periodWindows } from './period.js';
export {
    PLAN_SHEET_KEYS, WORKBOOK_ROWS, WORKBOOK_SHEETS, choiceText, columnLetter, workbookCellText, workbookColumns, workbookTable,
    type SheetRowCells, type WorkbookTable,
} from './workbook.js';
export {
    CASE_CODE_REGEX, IDENTITY_REGEX, SURVEY_GOALS, SURVEY_POINTS_LIST, SURVEY_REPEAT, buildSurvey, constraintXPath, surveyQuestions, surveyXPath,
    type Survey, type SurveyChoiceList, type SurveyConstraint, type SurveyExpr, type SurveyGroup, type SurveyNode, type SurveyQuestion, type SurveyType,
} from './survey.js';
export { odkFileKind, odkName, odkTable, type OdkFileKind, type OdkTable } from './odk-import.js';
export { RESPONDENT_LABELS, formSpec, type FieldSpec, type FormSpec } from './form-model.js';
