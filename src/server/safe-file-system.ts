import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { describeEntryProblem } from '../files/messages.js';
import { readSourceFile } from '../files/read-source.js';
import { documentProblems } from '../language/overrides/document-problems.js';

/**
 * The server's file system: plans and catalogues are read as the CLI reads them (only regular
 * files up to the size limit, in UTF-8), so that a FIFO never blocks the server and a link to
 * /dev/zero is never read. A file that is refused reads as empty and its document gets the
 * one-line reason as its diagnostic.
 */
export class SafeNodeFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        return Promise.resolve(this.readFileSync(uri));
    }

    override readFileSync(uri: URI): string {
        const key = uri.toString();
        const read = readSourceFile(uri.fsPath);
        if (read.problem) {
            const problem = read.problem;
            documentProblems.set(key, { source: 'read', message: language => describeEntryProblem(problem, language) });
            return '';
        }
        if (documentProblems.get(key)?.source === 'read') documentProblems.delete(key);
        return read.text;
    }
}

export const SafeNodeFileSystem = {
    fileSystemProvider: (): SafeNodeFileSystemProvider => new SafeNodeFileSystemProvider(),
};
