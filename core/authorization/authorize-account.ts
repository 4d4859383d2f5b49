import type { Finding } from '../../contract/policy.ts';
import type { AuthorizedAccountListing } from '../connector/index.ts';
import type { Directory } from '../directory/index.ts';
import { labelOf } from '../policy/finding.ts';
import { judgeAccount, type AccountGrant, type AccountJudgement, type AuthorizationService } from './judge-account.ts';
import { unacknowledgedOf, type Judgement } from './judge-grant.ts';

/**
 * A grant to save: what to judge, what the admin acknowledged, and how to write it.
 *
 * `expectedVersionTag` is the list version the admin looked at (the console's `versionTag`);
 * when given, a live list with another ETag is refused before anything is written. Without
 * it (the CLI judges and writes in one go) the version judged is the one written against.
 * `idempotencyKey` lets the client retry the add safely.
 */
export type AuthorizationRequest = AccountGrant & {
  readonly acknowledged: readonly string[];
  readonly expectedVersionTag?: string;
  readonly idempotencyKey: string;
};

/**
 * How a save ended: written, or why not.
 *
 * `blocked` and `needs-acknowledgement` carry the codes at fault (errors; warnings not
 * acknowledged) and the whole judgement, so a front door can show every finding.
 */
export type AuthorizationOutcome =
  | Exclude<AccountJudgement, { readonly status: 'judged' }>
  | { readonly status: 'list-changed'; readonly judgement: Judgement; readonly listing: AuthorizedAccountListing }
  | { readonly status: 'blocked'; readonly judgement: Judgement; readonly codes: readonly Finding['code'][] }
  | { readonly status: 'needs-acknowledgement'; readonly judgement: Judgement; readonly codes: readonly Finding['code'][] }
  | { readonly status: 'added'; readonly judgement: Judgement; readonly added: Awaited<ReturnType<AuthorizationService['addAuthorizedAccount']>> };

/**
 * Judge and authorize an account: resolve, judge against the live list, require every
 * warning's acknowledgement, refuse errors, then write conditionally.
 *
 * The save re-judges here instead of trusting what a client was shown. The write carries the
 * ETag the findings were judged against (`If-Match`), so a list changed meanwhile is refused
 * by the service rather than overwritten, and the name stored is the directory's
 * `DOMAIN\\sAMAccountName`.
 */
export async function authorizeAccount(
  directory: Directory,
  service: AuthorizationService,
  request: AuthorizationRequest,
  signal?: AbortSignal,
): Promise<AuthorizationOutcome> {
  const judged = await judgeAccount(directory, service, request, signal);
  if (judged.status !== 'judged') return judged;
  const { judgement, listing } = judged;
  if (request.expectedVersionTag !== undefined && listing.etag !== request.expectedVersionTag) return { status: 'list-changed', judgement, listing };
  if (judgement.blocking.length > 0) return { status: 'blocked', judgement, codes: judgement.blocking.map((finding) => finding.code) };
  const unacknowledged = unacknowledgedOf(judgement, request.acknowledged);
  if (unacknowledged.length > 0) return { status: 'needs-acknowledgement', judgement, codes: unacknowledged.map((finding) => finding.code) };
  const object = judgement.object;
  const entry = { sid: object.sid, name: labelOf(object, directory.domain.netbiosDomain), role: request.role };
  const added = await service.addAuthorizedAccount(entry, { ifMatch: listing.etag, idempotencyKey: request.idempotencyKey });
  return { status: 'added', judgement, added };
}
