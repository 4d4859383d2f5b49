import { BerError, childrenOf, decodeInteger, encodeConstructed, encodeInteger, encodeOctets, encodeTlv, expectTag, TAG, type Tlv } from './ber.ts';
import { decodeFilter, type SearchFilter } from './search-filter.ts';

/** A request control (RFC 4511 §4.1.11). */
export type RequestControl = { readonly type: string; readonly critical: boolean; readonly value?: Buffer };

/** The requests the demo directory understands; everything else is answered by its tag. */
export type LdapRequest =
  | { readonly kind: 'bind'; readonly version: number; readonly name: string; readonly password?: string; readonly sasl: boolean }
  | {
      readonly kind: 'search';
      readonly base: string;
      readonly scope: 'base' | 'one' | 'sub';
      readonly sizeLimit: number;
      readonly typesOnly: boolean;
      readonly filter: SearchFilter;
      readonly attributes: readonly string[];
    }
  | { readonly kind: 'unbind' }
  | { readonly kind: 'abandon' }
  | { readonly kind: 'extended'; readonly name: string }
  | { readonly kind: 'write'; readonly responseTag: number };

/** One decoded LDAPMessage. */
export type LdapMessage = { readonly messageId: number; readonly request: LdapRequest; readonly controls: readonly RequestControl[] };

/** Protocol-op tags of the write operations, mapped to their response tags. */
const WRITE_RESPONSES: Readonly<Record<number, number>> = { 0x66: 0x67, 0x68: 0x69, 0x4a: 0x6b, 0x6c: 0x6d, 0x6e: 0x6f };
const SCOPES = ['base', 'one', 'sub'] as const;

/**
 * Decode an LDAPMessage. Throws {@link BerError} with `messageId` attached when the envelope
 * was readable but the operation was not, so the answer can still name the request.
 */
export function decodeMessage(tlv: Tlv): LdapMessage {
  const [idElement, operation, controlsElement] = childrenOf(expectTag(tlv, TAG.sequence, 'LDAPMessage').value);
  const messageId = decodeInteger(expectTag(idElement, TAG.integer, 'message id').value);
  if (!operation) throw new BerError('LDAPMessage without an operation');
  try {
    return { messageId, request: decodeRequest(operation), controls: controlsElement ? decodeControls(controlsElement) : [] };
  } catch (error) {
    throw Object.assign(error instanceof BerError ? error : new BerError(String(error)), { messageId, responseTag: responseTagOf(operation.tag) });
  }
}

/** The response tag that answers a request tag (searches answer with SearchResultDone). */
export function responseTagOf(requestTag: number): number {
  if (requestTag === 0x60) return 0x61;
  if (requestTag === 0x63) return 0x65;
  if (requestTag === 0x77) return 0x78;
  return WRITE_RESPONSES[requestTag] ?? 0x78;
}

function decodeRequest(operation: Tlv): LdapRequest {
  switch (operation.tag) {
    case 0x60: {
      const [version, name, authentication] = childrenOf(operation.value);
      const bindName = text(expectTag(name, TAG.octetString, 'bind name').value);
      if (authentication?.tag === 0x80) {
        return {
          kind: 'bind',
          version: decodeInteger(expectTag(version, TAG.integer, 'version').value),
          name: bindName,
          password: text(authentication.value),
          sasl: false,
        };
      }
      return { kind: 'bind', version: decodeInteger(expectTag(version, TAG.integer, 'version').value), name: bindName, sasl: true };
    }
    case 0x63:
      return decodeSearch(operation);
    case 0x42:
      return { kind: 'unbind' };
    case 0x50:
      return { kind: 'abandon' };
    case 0x77: {
      const [name] = childrenOf(operation.value);
      return { kind: 'extended', name: expectTag(name, 0x80, 'extended request name').value.toString('latin1') };
    }
    default: {
      const responseTag = WRITE_RESPONSES[operation.tag];
      if (responseTag === undefined) throw new BerError(`unknown protocol operation 0x${operation.tag.toString(16)}`);
      return { kind: 'write', responseTag };
    }
  }
}

function decodeSearch(operation: Tlv): LdapRequest {
  const [base, scope, , sizeLimit, , typesOnly, filter, attributes] = childrenOf(operation.value);
  const scopeValue = SCOPES[decodeInteger(expectTag(scope, TAG.enumerated, 'scope').value)];
  if (!scopeValue) throw new BerError('unknown search scope');
  if (!filter) throw new BerError('search without a filter');
  return {
    kind: 'search',
    base: text(expectTag(base, TAG.octetString, 'base object').value),
    scope: scopeValue,
    sizeLimit: Math.max(0, decodeInteger(expectTag(sizeLimit, TAG.integer, 'size limit').value)),
    typesOnly: expectTag(typesOnly, TAG.boolean, 'typesOnly').value[0] !== 0,
    filter: decodeFilter(filter),
    attributes: childrenOf(expectTag(attributes, TAG.sequence, 'attribute list').value).map((attribute) =>
      text(expectTag(attribute, TAG.octetString, 'attribute').value),
    ),
  };
}

function decodeControls(element: Tlv): RequestControl[] {
  if (element.tag !== 0xa0) throw new BerError('expected controls');
  return childrenOf(element.value).map((control) => {
    const [type, ...rest] = childrenOf(expectTag(control, TAG.sequence, 'control').value);
    const critical = rest[0]?.tag === TAG.boolean ? rest[0].value[0] !== 0 : false;
    const value = rest.find((part) => part.tag === TAG.octetString)?.value;
    return { type: expectTag(type, TAG.octetString, 'control type').value.toString('latin1'), critical, ...(value ? { value } : {}) };
  });
}

/** UTF-8 text; invalid UTF-8 in a name or DN is refused rather than guessed at. */
function text(bytes: Buffer): string {
  const decoded = bytes.toString('utf8');
  if (!Buffer.from(decoded, 'utf8').equals(bytes)) throw new BerError('string is not valid UTF-8');
  return decoded;
}

/** An LDAPResult-shaped response (bind, search done, write and extended responses). */
export type LdapResult = { readonly resultCode: number; readonly matchedDn?: string; readonly diagnostic?: string; readonly extra?: readonly Buffer[] };

/** Encode a complete LDAPMessage around an already-encoded protocol op. */
export function encodeMessage(messageId: number, protocolOp: Buffer, controls: readonly Buffer[] = []): Buffer {
  return encodeConstructed(TAG.sequence, [encodeInteger(messageId), protocolOp, ...(controls.length > 0 ? [encodeConstructed(0xa0, controls)] : [])]);
}

/** Encode an LDAPResult under a response tag. */
export function encodeResult(tag: number, result: LdapResult): Buffer {
  return encodeConstructed(tag, [
    encodeInteger(result.resultCode, TAG.enumerated),
    encodeOctets(result.matchedDn ?? ''),
    encodeOctets(result.diagnostic ?? ''),
    ...(result.extra ?? []),
  ]);
}

/** An attribute of a search result entry: the name as the server spells it and its values. */
export type ResultAttribute = { readonly name: string; readonly values: readonly Buffer[] };

/** Encode a SearchResultEntry. */
export function encodeEntry(distinguishedName: string, attributes: readonly ResultAttribute[]): Buffer {
  return encodeConstructed(0x64, [
    encodeOctets(distinguishedName),
    encodeConstructed(
      TAG.sequence,
      attributes.map((attribute) =>
        encodeConstructed(TAG.sequence, [
          encodeOctets(attribute.name),
          encodeConstructed(
            TAG.set,
            attribute.values.map((value) => encodeOctets(value)),
          ),
        ]),
      ),
    ),
  ]);
}

/** Encode a control for a response. */
export function encodeControl(type: string, value: Buffer): Buffer {
  return encodeConstructed(TAG.sequence, [encodeOctets(type), encodeOctets(value)]);
}

/** Encode an ExtendedResponse's responseName. */
export function encodeResponseName(oid: string): Buffer {
  return encodeTlv(0x8a, Buffer.from(oid, 'latin1'));
}
