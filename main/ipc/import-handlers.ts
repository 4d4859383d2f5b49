import type { ImportPreview, ImportProgress, ImportRow } from '../../contract/list-import.ts';
import type { AuthorizedAccount } from '../../contract/servers.ts';
import { importList } from '../../core/authorization/import-list.ts';
import { judgeListImport, type JudgedImportEntry, type ListImportJudgement } from '../../core/authorization/judge-list-import.ts';
import { labelOf } from '../../core/policy/finding.ts';
import type { ListFileChooser } from './console-ports.ts';
import { consoleFailure, listChanged } from './console-failure.ts';
import { sessionHandler, type HandlerTable } from './handler-types.ts';
import type { ListFileRegistry } from './list-file-registry.ts';
import { directoryWithSignal } from './signal-directory.ts';

type ImportChannels = 'import:choose-file' | 'import:preview' | 'import:progress' | 'import:apply';

/** What the import handlers need: the list file picker (absent in a harness without one) and the held files. */
export type ImportHandlerOptions = { readonly chooseListFile?: ListFileChooser | undefined; readonly files: ListFileRegistry };

/**
 * Import…: choose a list file with main's picker, preview what it would change, apply it.
 *
 * The renderer never names a path or sends entries: main reads the file it chose, holds the
 * entries under an id, and judges and applies from them. Apply is core's `importList`: judged
 * again against the live list, refused unless it is the version previewed, then one
 * conditional replace (every change or none). Preview and apply are cancellable while they
 * judge and record their progress under their operation id (`import:progress`).
 */
export function createImportHandlers(options: ImportHandlerOptions): Pick<HandlerTable, ImportChannels> {
  const progress = new Map<string, { total: number; finished: number }>();
  const tracked = (operationId: string) => {
    const state = { total: 0, finished: 0 };
    progress.set(operationId, state);
    return {
      onProgress: (now: { finished: number; total: number }) => Object.assign(state, now),
      done: () => progress.delete(operationId),
    };
  };
  return {
    'import:choose-file': sessionHandler(async (_request, { session }) => {
      const choose = options.chooseListFile;
      if (choose === undefined)
        throw consoleFailure(
          'NOT_AVAILABLE',
          'A file cannot be chosen here',
          'This console runs without the desktop app, so it cannot show a file picker. Use the desktop app, or rms-connector-admin servers import FILE.',
        );
      const path = await choose({ title: 'Choose the list to import', buttonLabel: 'Import' });
      if (path === undefined) return { status: 'closed' as const };
      return options.files.read(path, session);
    }),
    'import:preview': sessionHandler(
      async (request, { session, signal }) => {
        const wanted = options.files.entries(request.fileId, session);
        const run = tracked(request.operationId);
        try {
          const judged = await judgeListImport(directoryWithSignal(session.directory, signal), session.client, wanted, { signal, onProgress: run.onProgress });
          return previewOf(judged, session.directory.domain.netbiosDomain);
        } finally {
          run.done();
        }
      },
      { cancellable: true },
    ),
    'import:progress': sessionHandler((request) => {
      const state = progress.get(request.operationId);
      const answer: ImportProgress = state === undefined ? null : { ...state };
      return Promise.resolve(answer);
    }),
    'import:apply': sessionHandler(
      async (request, { session, signal }) => {
        const wanted = options.files.entries(request.fileId, session);
        const run = tracked(request.operationId);
        try {
          const outcome = await importList(
            directoryWithSignal(session.directory, signal),
            session.client,
            { wanted, expectedVersionTag: request.versionTag, acknowledged: request.acknowledged },
            { signal, onProgress: run.onProgress },
          );
          switch (outcome.status) {
            case 'list-changed':
              throw listChanged();
            case 'blocked':
              throw consoleFailure(
                'BLOCKED_BY_FINDINGS',
                'This import is blocked',
                'Fix the errors the preview shows in the file, then import it again: those grants would be unsafe or would not work.',
                outcome.codes,
              );
            case 'needs-acknowledgement':
              throw consoleFailure(
                'NEEDS_ACKNOWLEDGEMENT',
                'Each warning needs your acknowledgement',
                'Read each warning and tick its "I understand" box, then apply again.',
                outcome.codes,
              );
            case 'applied': {
              options.files.forget(request.fileId);
              const { result, etag } = outcome.replaced;
              return { version: result.version, versionTag: etag, added: result.added.length, removed: result.removed.length };
            }
          }
        } finally {
          run.done();
        }
      },
      { cancellable: true },
    ),
  };
}

function previewOf(judged: ListImportJudgement, netbiosDomain: string): ImportPreview {
  const rowOf = (row: JudgedImportEntry): ImportRow => ({
    sid: row.entry.sid,
    role: row.entry.role,
    label: row.object === undefined ? row.entry.name : labelOf(row.object, netbiosDomain),
    ...(row.object === undefined ? {} : { kind: row.object.kind, inFolder: row.object.inFolder }),
    findings: [...row.findings],
  });
  const removedRow = (entry: AuthorizedAccount): ImportRow => ({ sid: entry.sid, role: entry.role, label: entry.name, kind: entry.kind, findings: [] });
  return {
    version: judged.listing.list.version,
    versionTag: judged.listing.etag,
    added: judged.added.map(rowOf),
    removed: judged.plan.toRemove.map(removedRow),
    unchanged: judged.unchanged.map(rowOf),
  };
}
