/**
 * Which vendor contracts need a vendor form (事業者確認用) of their own.
 *
 * - Manual I-4 (その他): 医療機関と直接契約関係にない事業者においては、「事業者確認用」の作成は不要です — and Q&A 12-D-19:
 *   the prime contractor (元請) collects for the department systems it maintains. A subcontract needs none.
 * - Q&A 12-D-22: a system with no patient information is outside the checklist.
 * - Q&A 12-D-23: the vendor form is for vendors with a maintenance contract (保守契約).
 *
 * Exemptions are checked in this order, so a contract gets the first reason that applies.
 */
export const vendorFormExemptions = ['subcontract', 'no-patient-data', 'no-maintenance'] as const;
export type VendorFormExemption = (typeof vendorFormExemptions)[number];

export interface ContractScope {
  /** The contract this one is a subcontract of (the vendor is then not in a direct contract with the facility). */
  primeContractId: string | null;
  /** Whether a system the contract covers holds patient information. */
  handlesPatientData: boolean;
  maintenanceContract: boolean;
}

/** null: the contract needs its own vendor form; otherwise the reason it needs none. */
export function vendorFormExemption(contract: ContractScope): VendorFormExemption | null {
  if (contract.primeContractId !== null) return 'subcontract';
  if (!contract.handlesPatientData) return 'no-patient-data';
  if (!contract.maintenanceContract) return 'no-maintenance';
  return null;
}
