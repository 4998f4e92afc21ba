import { describeTextIssue, findTextIssue, TEXT_LIMITS } from '../../../shared/domain/text';
import { bilingual } from '../bilingual';

/** A community name as stored: trimmed, not empty, within the title limit, well-formed; else a message. */
export function communityNameProblem(name: string): string | null {
  if (name === '') return bilingual('社区名称为空', 'the community name is empty');
  const issue = findTextIssue(name, TEXT_LIMITS.title);
  return issue === null ? null : bilingual('社区名称不可用', 'the community name is not usable') + ` (${describeTextIssue(issue)})`;
}
