import type { DecisionPolicy } from './decision-policy';
import { decisionPolicyV1 } from './decision-policy.v1';

// The policy and its versions live apart, like the rubric's (rubric-catalog.ts): each version imports the type only.
export const CURRENT_POLICY_VERSION = decisionPolicyV1.version;

const policies: Record<string, DecisionPolicy> = { [decisionPolicyV1.version]: decisionPolicyV1 };

/** Every version, for a read model that needs a policy figure per row (the reviewers an application needs). */
export const DECISION_POLICIES: readonly DecisionPolicy[] = Object.values(policies);

export const policyByVersion = (version: string): DecisionPolicy => {
  const policy = policies[version];
  if (!policy) throw new Error(`unknown decision policy version ${version}`);
  return policy;
};
