/**
 * Text that tries to instruct the bot or hand it figures to use. The figures in such text are
 * still data: understanding records them (statedRate) and never lets them set a parameter.
 */
const PATTERNS = [
  /(?:忽略|無視|忘記|忘掉|不要理會?|不用管|別管|跳過)[^,，。]{0,8}(?:指示|指令|規則|設定|提示|規定|說明|限制|資料|文件|前面|之前|以上)/,
  /你現在是|從現在開始你|從現在起你|扮演|假裝你?是?|角色扮演|你的身分是/,
  /系統提示|提示詞|system\s*prompt|developer\s*mode|開發者模式|jailbreak|越獄/,
  /ignore\s+(?:all\s+|the\s+|any\s+)?(?:previous|prior|above|earlier)|(?:ignore|forget|disregard)\s+(?:your|the|all|my)\s+(?:own\s+)?(?:documents?|sources?|rules?|instructions?|data|knowledge)|disregard\s+(?:all|the|previous|prior|above)|new\s+instructions?|you\s+are\s+now/,
  /新的?指令|照我說的|以我說的為準|聽我的|正確答案是|答案應該是|你要回答|你必須回答|請直接回答|不要引用|不需要引用|不用查/,
];

export function isInjectionSuspected(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}
