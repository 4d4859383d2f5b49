import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ImportFileChoice } from '../../../contract/index.ts';
import { describeIssue } from './import-preview-model.ts';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * A refused file: what is wrong, line by line, and that nothing was changed.
 *
 * The whole file is checked before anything runs, so the admin fixes every line in one pass.
 */
export function FileIssues(props: { refusal: Extract<ImportFileChoice, { status: 'refused' }> }): JSX.Element {
  const styles = useStyles();
  const { refusal } = props;
  return (
    <MessageBar intent="error" layout="multiline" tabIndex={-1}>
      <MessageBarBody>
        <MessageBarTitle>{`${refusal.name} cannot be imported`}</MessageBarTitle>
        Nothing was changed. Fix these lines and choose the file again:
        <ul className={styles.list} aria-label="Problems in the file">
          {refusal.issues.map((issue, index) => (
            <li key={`${String(index)}-${issue.problem}`}>{describeIssue(issue)}</li>
          ))}
          {refusal.moreIssues > 0 && <li>and {refusal.moreIssues} more</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
