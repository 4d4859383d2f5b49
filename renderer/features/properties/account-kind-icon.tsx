import {
  ContactCardRegular,
  DesktopRegular,
  GlobeRegular,
  PeopleRegular,
  PersonRegular,
  PersonSettingsRegular,
  QuestionCircleRegular,
  ServerRegular,
} from '@fluentui/react-icons';
import type { DirectoryObject } from '../../../contract/index.ts';

/**
 * The icon ADUC-like tools put beside an account: a person, people for a group, a desktop for
 * a computer (a server for a domain controller), a person with a gear for a service account.
 *
 * Decorative: the type is always said in words next to it.
 */
export function AccountKindIcon(props: { object: Pick<DirectoryObject, 'kind' | 'computerRole'> }) {
  const { kind, computerRole } = props.object;
  switch (kind) {
    case 'user':
      return <PersonRegular aria-hidden />;
    case 'group':
      return <PeopleRegular aria-hidden />;
    case 'computer':
      return computerRole === 'domain-controller' ? <ServerRegular aria-hidden /> : <DesktopRegular aria-hidden />;
    case 'service-account':
      return <PersonSettingsRegular aria-hidden />;
    case 'foreign-principal':
      return <GlobeRegular aria-hidden />;
    case 'contact':
      return <ContactCardRegular aria-hidden />;
    case 'container':
    case 'other':
      return <QuestionCircleRegular aria-hidden />;
  }
}
