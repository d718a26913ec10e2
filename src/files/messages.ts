import type { Language } from '../text/language.js';
import { messageTable } from '../text/messages.js';
import { formatDecimal } from '../text/numbers.js';
import type { EntryProblem } from './discovery.js';
import { MAX_SOURCE_BYTES } from './read-source.js';

const say = messageTable({
    danglingLink: { sv: 'länken pekar på en fil som inte finns', en: 'the link points to a file that does not exist' },
    linkLoop: { sv: 'länken pekar i en slinga', en: 'the link points in a loop' },
    notRegular: { sv: 'ingen vanlig fil (en FIFO, en enhet eller en mapp); läses inte', en: 'not a regular file (a FIFO, a device or a folder); not read' },
    tooLarge: { sv: 'filen är {0} MB; planer och kataloger får vara högst {1} MB', en: 'the file is {0} MB; plans and catalogues may be at most {1} MB' },
    inputTooLarge: { sv: 'filen är {0} MB; en fil som importeras får vara högst {1} MB', en: 'the file is {0} MB; a file to import may be at most {1} MB' },
    utf16: { sv: 'filen är sparad i UTF-16; spara den som UTF-8', en: 'the file is saved as UTF-16; save it as UTF-8' },
    invalidUtf8: { sv: 'ogiltig UTF-8 på rad {0}, kolumn {1}; spara filen som UTF-8', en: 'invalid UTF-8 at line {0}, column {1}; save the file as UTF-8' },
    io: { sv: 'kan inte läsas ({0})', en: 'cannot be read ({0})' },
    outsideTree: { sv: 'länken pekar ut ur mappen ({0}) och följs inte', en: 'the link points out of the folder ({0}) and is not followed' },
});

/** Megabytes with one decimal, rounded down (a file just over the limit never shows as the limit). */
function megabytes(bytes: number, language: Language): string {
    return formatDecimal(Math.floor(bytes / 1024 / 1024 * 10) / 10, language);
}

/** One line saying why a plan, catalogue or folder entry was not read. */
export function describeEntryProblem(problem: EntryProblem['problem'], language: Language): string {
    switch (problem.kind) {
        case 'tooLarge':
            return say(language, problem.limit === MAX_SOURCE_BYTES ? 'tooLarge' : 'inputTooLarge', megabytes(problem.bytes, language), megabytes(problem.limit, language));
        case 'invalidUtf8': return say(language, 'invalidUtf8', problem.line, problem.column);
        case 'io': return say(language, 'io', problem.code);
        case 'outsideTree': return say(language, 'outsideTree', problem.target);
        default: return say(language, problem.kind);
    }
}
