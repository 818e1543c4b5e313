/**
 * The guarantee programmes the calculator knows, with their official names.
 * Parameter files live under rules/parameters/<id>/ (or a shared folder named in the parameter file).
 * Colloquial aliases (青創, 批保, 鳳凰 …) belong to bot/understand, not here.
 */
export const PROGRAMMES = {
  // 授權保證項目 (authorised items)
  general_loan: { name: '一般貸款', channel: 'authorised' },
  commercial_paper: { name: '商業本票保證', channel: 'authorised' },
  export_loan: { name: '外銷貸款', channel: 'authorised' },
  purchase_financing: { name: '購料週轉融資', channel: 'authorised' },
  policy_loan: { name: '政策性貸款', channel: 'authorised' },
  performance_bond: { name: '履約保證', channel: 'authorised' },
  micro_simple_loan: { name: '小額簡便貸款', channel: 'authorised' },
  development_loan: { name: '發展貸款', channel: 'authorised' },
  rd_loan: { name: '促進產業研究發展貸款', channel: 'authorised' },
  knowledge_economy: { name: '知識經濟企業融資', channel: 'authorised' },
  // 專案保證項目 (project items)
  own_brand: { name: '自創品牌貸款', channel: 'project' },
  youth_startup: { name: '青年創業貸款', channel: 'project' },
  firefly: { name: '火金姑(相對保證)專案貸款', channel: 'project' },
  patent_litigation: { name: '國內民營企業國際專利權訴訟貸款', channel: 'project' },
  phoenix: { name: '微型創業鳳凰貸款', channel: 'project' },
  youth_dream: { name: '青年築夢創業啟動金貸款', channel: 'project' },
  digital_content: { name: '非中小企業數位內容及文化創意產業優惠貸款', channel: 'project' },
  labour_pension: { name: '勞工退休金專案貸款', channel: 'project' },
  // other channels and special plans
  batch: { name: '批次信用保證', channel: 'batch' },
  direct: { name: '直接保證', channel: 'direct' },
  employment_promotion: { name: '促進就業融資保證專案', channel: 'plan' },
  morakot_recovery: { name: '莫拉克颱風受災企業復工營業貸款', channel: 'plan' },
  morakot_disaster_restoration: { name: '中小企業災害復舊專案貸款', channel: 'plan' },
} as const;

export type ProgrammeId = keyof typeof PROGRAMMES;
export const PROGRAMME_IDS = Object.keys(PROGRAMMES) as ProgrammeId[];

export function isProgrammeId(value: string): value is ProgrammeId {
  return Object.hasOwn(PROGRAMMES, value);
}
