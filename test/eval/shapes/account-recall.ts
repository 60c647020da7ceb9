// Account-level figures for a stream, the way the toolkit's users read its network: which campaign
// accounts are found (any of their messages flagged, or any edge in the toolkit's network) and
// which organic accounts are caught with them. A campaign account posts only campaign messages.

export interface AccountFigures {
  readonly campaignAccounts: number;
  readonly campaignAccountsFound: number;
  /** campaignAccountsFound / campaignAccounts. */
  readonly campaignAccountRecall: number;
  readonly organicAccounts: number;
  readonly organicAccountsFlagged: number;
  /** organicAccountsFlagged / organicAccounts. */
  readonly organicAccountsFlaggedShare: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);

/** `accounts`: every message's author and label; `flagged`: the accounts a method points at. */
export function accountFigures(accounts: readonly { readonly userId: string; readonly label: string }[], flagged: ReadonlySet<string>): AccountFigures {
  const campaign = new Set<string>();
  const all = new Set<string>();
  for (const a of accounts) {
    all.add(a.userId);
    if (a.label !== 'organic') campaign.add(a.userId);
  }
  let found = 0;
  let organicFlagged = 0;
  for (const id of all) {
    if (!flagged.has(id)) continue;
    if (campaign.has(id)) found++;
    else organicFlagged++;
  }
  const organic = all.size - campaign.size;
  return {
    campaignAccounts: campaign.size,
    campaignAccountsFound: found,
    campaignAccountRecall: ratio(found, campaign.size),
    organicAccounts: organic,
    organicAccountsFlagged: organicFlagged,
    organicAccountsFlaggedShare: ratio(organicFlagged, organic),
  };
}
